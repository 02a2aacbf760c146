import Testing
@testable import Onoma

/// Korean given names spelled as Korean names in English are (issue 10): syllable spellings learned from name
/// pairs, the cheapest combinations kept under the key cap, and a syllable-by-syllable comparison beside an exact
/// family name that allows one syllable one edit off, unless the written name is itself a well-formed Korean name.
@Suite struct KoreanSpellingTests {
    static let engine = Engine(entities: [
        Entity(id: "moon-tae-seop", name: "문태섭", type: .person, aliases: [Alias(text: "문태섭", lang: "ko")]),
        Entity(id: "bae-jun-hyeok", name: "배준혁", type: .person, aliases: [Alias(text: "배준혁", lang: "ko")]),
    ], rules: try! RuleSets())

    static func decided(_ name: String) -> Mention? {
        engine.normalize("Reporters asked \(name) about the plan.").mentions.first { $0.surface == name }
    }

    static let resolved: [(String, String, MatchMethod)] = [
        ("Moon Tae-seob", "moon-tae-seop", .transliteration), // a learned spelling of 섭 (Seob)
        ("Mun Tae-sop", "moon-tae-seop", .transliteration),
        ("Moon Taeseob", "moon-tae-seop", .transliteration), // unhyphenated
        ("Moon Tae-seoop", "moon-tae-seop", .fuzzy), // one syllable one edit off
        ("Bae Jun-hyuk", "bae-jun-hyeok", .transliteration),
        ("Bae Joon-hyeok", "bae-jun-hyeok", .transliteration),
    ]

    @Test(arguments: resolved)
    func aLearnedOrNearSpellingResolves(_ name: String, _ id: String, _ method: MatchMethod) throws {
        let mention = try #require(Self.decided(name))
        #expect(mention.status == .resolved)
        #expect(mention.chosen?.id == id)
        #expect(mention.chosen?.method == method)
    }

    /// "Moon Tae-sun" is one edit from Tae-sub, and a Korean name of its own: someone else.
    @Test(arguments: ["Moon Tae-sun", "Bae Jun-hyun", "Moon Ji-seop", "Kim Tae-seop"])
    func anotherKoreanNameIsNotTakenForTheEntity(_ name: String) {
        #expect(Self.decided(name)?.status != .resolved)
    }

    /// The syllable-by-syllable comparison explains itself: which piece matched which spelling, and by an edit.
    @Test func theComparisonSaysHowEachSyllableMatched() throws {
        let matcher = Matcher(engine: Self.engine)
        let syllables = ["태", "섭"].map { Self.engine.rules.hangulSyllable($0) }
        let match = try #require(matcher.koreanCompare("taeseoop", with: syllables))
        #expect(match.edits == 1)
        #expect(match.detail == "tae + seoop ~ seop (1 edit)")
        #expect(matcher.koreanCompare("taeseob", with: syllables)?.edits == 0)
        #expect(matcher.koreanCompare("taeseoopp", with: syllables) == nil) // two edits
        #expect(matcher.koreanCompare("teoseoop", with: syllables) == nil) // two syllables off
    }
}
