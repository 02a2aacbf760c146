import Foundation
import Testing
@testable import Onoma

/// `Engine.explain` on entities and variants written for these tests: transliteration, order, truncation, fuzzy,
/// another reading with and without context, and ambiguity.
@Suite struct ExplainTests {
    static let engine = Engine(entities: [
        Entity(id: "wang-jianguo", name: "Wang Jianguo", type: .person, aliases: [Alias(text: "王建国", lang: "zh")],
               roles: ["Minister of Water Resources"]),
        Entity(id: "sato-haruki", name: "Haruki Sato", type: .person,
               aliases: [Alias(text: "佐藤春樹", lang: "ja", reading: "さとう はるき")], roles: ["Minister of Finance"]),
        Entity(id: "olga-beresova", name: "Olga Beresova", type: .person, aliases: [Alias(text: "Ольга Бересова", lang: "ru")]),
        Entity(id: "ken-tanaka", name: "Ken Tanaka", type: .person, aliases: [Alias(text: "田中健", lang: "ja", reading: "たなか けん")]),
        Entity(id: "yuki-tanaka", name: "Yuki Tanaka", type: .person, aliases: [Alias(text: "田中雪", lang: "ja", reading: "たなか ゆき")]),
        Entity(id: "jun-ogiwara", name: "Jun Ogiwara", type: .person, aliases: [Alias(text: "荻原淳", lang: "ja", reading: "おぎわら じゅん")]),
    ], rules: try! RuleSets())

    @Test func transliteration() throws {
        let e = Self.engine.explain("Wang Chien-kuo")
        let top = try #require(e.mention?.candidates.first)
        #expect(e.mention?.status == .resolved)
        #expect(top.id == "wang-jianguo")
        #expect(top.method == .transliteration)
        #expect(top.derivation == #"王建国 (zh) → Mandarin pinyin + Wade-Giles "wang chien kuo""#)
        #expect(e.reason.hasPrefix("resolved to Wang Jianguo"))
    }

    @Test func orderSwapped() throws {
        let top = try #require(Self.engine.explain("Beresova Olga").mention?.candidates.first)
        #expect(top.id == "olga-beresova")
        #expect(top.method == .order)
        #expect(top.detail.contains("order swapped"))
    }

    @Test func truncation() throws {
        let top = try #require(Self.engine.explain("Haruki Sat").mention?.candidates.first)
        #expect(top.method == .truncation)
        #expect(top.detail == "haruki = given name; truncated family name: sat ⊂ sato")
    }

    /// A Chinese name is cut short by whole syllables only: "Wang Jian" is Wang Jianguo cut after a syllable, but
    /// "Wan Jianguo" is not "Wang" cut inside its syllable (wan ⊂ wang is another syllable and someone else).
    /// A Japanese name is not held to pinyin syllables: "Jun Ogiwa" is Jun Ogiwara cut short.
    @Test(arguments: [("Wang Jian", "wang-jianguo", true), ("Wan Jianguo", "wang-jianguo", false), ("Wang Jia", "wang-jianguo", false),
                      ("Jun Ogiwa", "jun-ogiwara", true)])
    func aChineseNameIsCutByWholeSyllables(_ name: String, _ id: String, _ truncation: Bool) throws {
        let candidates = Self.engine.explain(name).mention?.candidates ?? []
        #expect(candidates.contains { $0.id == id && $0.method == .truncation } == truncation, "\(candidates.map(\.detail))")
    }

    @Test func fuzzy() throws {
        let e = Self.engine.explain("Olga Beresowa")
        let top = try #require(e.mention?.candidates.first)
        #expect(top.method == .fuzzy)
        #expect(top.edits == 1)
        #expect(e.mention?.status == .resolved)
    }

    @Test func anotherReadingNeedsContext() throws {
        let bare = Self.engine.explain("Haruju Sato")
        #expect(bare.mention?.status == .unresolved)
        #expect(bare.mention?.candidates.first?.method == .reading)
        #expect(bare.reason.contains("below the threshold"))
        let withRole = Self.engine.explain("Haruju Sato", context: "Finance Minister Haruju Sato said on Monday")
        #expect(withRole.mention?.status == .resolved)
        #expect(withRole.mention?.candidates.first?.context == ["role"])
    }

    @Test func ambiguityIsExplained() {
        let e = Self.engine.explain("Tanaka")
        #expect(e.mention?.status == .ambiguous)
        #expect(e.reason.hasPrefix("ambiguous"))
        #expect(Set(e.mention?.candidates.map(\.id) ?? []) == ["ken-tanaka", "yuki-tanaka"])
    }

    @Test func earlierFullNameMakesSurnameResolve() {
        let e = Self.engine.explain("Tanaka", context: "Yuki Tanaka arrived. Later Tanaka spoke.")
        #expect(e.mention?.status == .resolved)
        #expect(e.mention?.candidates.first?.id == "yuki-tanaka")
        #expect(e.mention?.candidates.first?.context == ["document"])
    }

    @Test func unknownNameSaysWhy() {
        let e = Self.engine.explain("Xerxes Plumb")
        #expect(e.mention?.status == .unresolved)
        #expect(e.mention?.candidates.isEmpty == true)
        #expect(e.reason.contains("no key derived from the gazetteer matches"))
    }

    @Test func jsonCarriesTheSameData() throws {
        let json = ExplanationJSON.object(Self.engine.explain("Wang Chien-kuo"))
        #expect(json["status"]?.stringValue == "resolved")
        guard case .array(let candidates)? = json["candidates"] else { Issue.record("no candidates"); return }
        #expect(candidates.first?["explanation"]?["source"]?.stringValue == "王建国")
        #expect(candidates.first?["explanation"]?["key"]?.stringValue == "wangchienkuo")
    }
}

/// The replacement takes the mention's shape: a one-word transliteration becomes the part of the canonical name it
/// sounds like (invented people).
@Suite struct ReplacementShapeTests {
    static let engine = Engine(entities: [
        Entity(id: "somchai-rattanakorn", name: "Somchai Rattanakorn", type: .person, aliases: [Alias(text: "颂猜", lang: "zh")],
               given: "Somchai", family: "Rattanakorn"),
        Entity(id: "pavel-dorokhov", name: "Pavel Dorokhov", type: .person, aliases: [Alias(text: "多罗霍夫", lang: "zh")],
               given: "Pavel", family: "Dorokhov"),
    ], rules: try! RuleSets())

    @Test(arguments: [
        ("Somchai Rattanakorn arrived. Songcai spoke.", "Somchai Rattanakorn arrived. Somchai spoke."), // the alias stands for the given name
        ("Duoluohuofu spoke.", "Dorokhov spoke."),      // the alias stands for the family name
        ("Song Cai spoke.", "Somchai Rattanakorn spoke."), // several words: the full name
    ])
    func oneWordTransliterationsKeepTheirPart(_ input: String, _ expected: String) {
        #expect(Self.engine.normalize(input).text == expected)
    }
}

/// Ordinary English must pass through the built-in gazetteer untouched. Each case is a regression found in review.
@Suite struct PrecisionRegressionTests {
    static let engine = try! Engine.load()

    @Test(arguments: [
        "Copper rose. Man, that was close. Law enforcement responded.",   // vowel-less Any-Latin keys (عمان "man")
        "Salmon is healthy. Gross margins fell. Grand plans were made.",  // sentence-opening words one edit from names
        "We saw the turkey and a guinea pig at the family reunion.",      // lower-case single words that spell places
        "Sung Kim left the embassy.",                                      // a real name, not Kim Song swapped
        "Ma Ying spoke first.",                                            // not Ma Ying-jeou cut short
        "The UN voted and MBS met reporters.",                             // acronyms stay as written
        "Asian markets and the Bricks summit; Nisan and Pasco.",           // one misspelled word is not an organization
        "The Pujing Hotel sits beside Trump Tower.",                       // names inside longer names
    ])
    func ordinaryTextIsUnchanged(_ text: String) {
        #expect(Self.engine.normalize(text).text == text)
    }

    @Test func aHyphenatedFullNameGetsTheFullName() {
        #expect(Self.engine.normalize("Dai-Qi arrived.").text == "Katherine Tai arrived.")
    }
}
