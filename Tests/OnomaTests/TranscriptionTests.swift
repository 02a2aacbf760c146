import Testing
@testable import Onoma

/// A place's name transcribed into another script is weaker evidence than its own name (issue 10, issue 13): its
/// syllables split into more words than the name has are words of the text, a short one in a script the place's
/// country does not write does not stand alone, and several words of it that a lexicon explains need support.
/// A given name alone is never distinctive, and a place's adjective is no misspelling of the place.
@Suite struct TranscriptionTests {
    static let entities = [
        Entity(id: "soriel", name: "Soriel", type: .place, aliases: [Alias(text: "서리", lang: "ko")], country: "CA"),
        Entity(id: "bocquiau", name: "Bocquiau", type: .place, aliases: [Alias(text: "宝渠", lang: "zh")], country: "FR"),
        Entity(id: "baoqu", name: "Pao-chu", type: .place, aliases: [Alias(text: "宝渠", lang: "zh")], country: "CN"),
        Entity(id: "svetomira-quaylock", name: "Svetomira Quaylock", type: .person, aliases: [Alias(text: "Svetomira Kvaylok")],
               given: "Svetomira", family: "Quaylock"),
        Entity(id: "inner-quorvia", name: "Inner Quorvia", type: .place),
        Entity(id: "ardent-kuss", name: "Ardent Kuss", type: .person, aliases: [Alias(text: "库斯", lang: "zh")],
               given: "Ardent", family: "Kuss"),
        Entity(id: "ardent-kalinsk", name: "Ardent Kalinsk", type: .person, aliases: [Alias(text: "卡林斯克", lang: "zh")],
               given: "Ardent", family: "Kalinsk"),
    ]

    static func decided(_ text: String, _ surface: String, entities: [Entity] = entities) -> Mention? {
        Engine(entities: entities, rules: try! RuleSets()).normalize(text).mentions.first { $0.surface == surface }
    }

    /// A Japanese place read as Mandarin (what Chinese MT writes for it) stands alone unless the reading is some
    /// other word: "Beiye" (北野, Kitano) and "Pinchuan" (品川, Shinagawa) are the places, "Duomo" (多摩, Tama) is
    /// an English word first; a pinyin reading is never taken for a Chinese given name.
    @Test(arguments: [("多摩", "たま", "Tama", "Duomo", false), ("品川", "しながわ", "Shinagawa", "Pinchuan", true),
                      ("北野", "きたの", "Kitano", "Beiye", true)])
    func aJapanesePlaceReadAsMandarinIsAForeignReading(_ kanji: String, _ reading: String, _ name: String, _ surface: String,
                                                        _ resolved: Bool) {
        let place = Entity(id: "p", name: name, type: .place, aliases: [Alias(text: kanji, lang: "ja", reading: reading)], country: "JP")
        let mention = Self.decided("Visitors crowded \(surface) on Sunday.", surface, entities: [place])
        #expect((mention?.status == .resolved) == resolved)
    }

    @Test func syllablesSplitIntoWordsAreNotThePlace() {
        #expect(Self.decided("So I went home early.", "So I")?.status != .resolved)
    }

    @Test func aShortTranscriptionInAForeignScriptNeedsSupport() {
        let foreign = [Self.entities[1]], home = [Self.entities[2]]
        #expect(Self.decided("They ate at Baoqu yesterday.", "Baoqu", entities: foreign)?.status != .resolved)
        #expect(Self.decided("They ate at Baoqu yesterday.", "Baoqu", entities: home)?.chosen?.id == "baoqu")
    }

    @Test(arguments: [("Han", "安曼", "JO", true), ("Han", "安曼", "CN", false), ("kana", "アンマン", "JP", false),
                      ("kana", "アンマン", "JO", true), ("Hangul", "암만", "KR", false), ("Cyrillic", "Амман", "JO", false)])
    func foreignScript(_ script: String, _ text: String, _ country: String, _ expected: Bool) {
        let entity = Entity(id: "x", name: "Amman", type: .place, country: country)
        #expect(Decider.isForeignScript(Alias(text: text), of: entity) == expected, "\(script)")
    }

    @Test func aGivenNameAloneIsNotDistinctive() {
        #expect(Self.decided("Reporters asked Svetomira about the plan.", "Svetomira")?.status != .resolved)
        #expect(Self.decided("Reporters asked Svetomira Quaylock about the plan.", "Svetomira Quaylock")?.status == .resolved)
    }

    @Test func aPlacesAdjectiveIsNotAMisspelling() {
        #expect(Self.decided("Herders crossed the Inner Quorvian steppe.", "Inner Quorvian")?.status != .resolved)
        #expect(Self.decided("Herders crossed Inner Quorvia in May.", "Inner Quorvia")?.status == .resolved)
    }

    /// A person's one-word alias that transcribes the family name alone is a family name alone, in any split, when
    /// it is shorter than seven letters.
    @Test(arguments: ["Ku Si", "Kusi"])
    func aTranscribedFamilyNameAloneNeedsSupport(_ surface: String) {
        #expect(Self.decided("Reporters asked \(surface) about the plan.", surface)?.status != .resolved)
    }

    @Test func aFamilyNameTranscriptionIsRecognized() {
        let entity = Self.entities[5]
        let forms = FormDeriver(rules: try! RuleSets()).forms(of: entity).filter { $0.aliasIndex == 0 }
        #expect(forms.contains { Decider.transcribesFamilyAlone($0, of: entity) })
    }

    @Test func aLongTranscribedFamilyNameStandsAlone() {
        let entity = Self.entities[6]
        let forms = FormDeriver(rules: try! RuleSets()).forms(of: entity).filter { $0.aliasIndex == 0 }
        #expect(forms.contains { Decider.transcribesFamilyAlone($0, of: entity) })
        #expect(Self.decided("Reporters asked Ka Linsike about the plan.", "Ka Linsike")?.chosen?.id == "ardent-kalinsk")
    }
}
