import Testing
@testable import Onoma

/// A small gazetteer of invented people and one organization, shared by the matching, decision, rewriting and
/// JSONL tests.
enum TestGazetteer {
    static let entities: [Entity] = [
        Entity(id: "wang-jianguo", name: "Wang Jianguo", type: .person, aliases: [Alias(text: "王建国", lang: "zh")],
               roles: ["Minister of Water Resources"]),
        Entity(id: "zhou-lin", name: "Zhou Lin", type: .person, aliases: [Alias(text: "周林", lang: "zh")],
               roles: ["Minister of Culture"]),
        Entity(id: "laura-bennett", name: "Laura Bennett", type: .person, aliases: [Alias(text: "白琳", lang: "zh")]),
        Entity(id: "daniel-foster", name: "Daniel Foster", type: .person, aliases: [Alias(text: "丹尼尔·福斯特", lang: "zh")]),
        Entity(id: "kondo-shota", name: "Shota Kondo", type: .person,
               aliases: [Alias(text: "近藤翔太", lang: "ja", reading: "こんどう しょうた")]),
        Entity(id: "kenta-morimoto", name: "Kenta Morimoto", type: .person,
               aliases: [Alias(text: "森本健太", lang: "ja", reading: "もりもと けんた")], roles: ["Minister of Finance"]),
        Entity(id: "haruka-morimoto", name: "Haruka Morimoto", type: .person,
               aliases: [Alias(text: "森本春香", lang: "ja", reading: "もりもと はるか")]),
        Entity(id: "gregor-halvorsen", name: "Gregor Halvorsen", type: .person),
        Entity(id: "kang-minseok", name: "Kang Min-seok", type: .person, aliases: [Alias(text: "강민석", lang: "ko")]),
        Entity(id: "pavel-sokolov", name: "Pavel Sokolov", type: .person, aliases: [Alias(text: "Павел Соколов", lang: "ru")],
               given: "Pavel", family: "Sokolov"),
        Entity(id: "jinghai-port", name: "Jinghai Port Group", type: .organization, aliases: [Alias(text: "静海港集团", lang: "zh")]),
    ]

    static let engine = Engine(entities: entities, rules: try! RuleSets())

    /// The mention whose surface is `surface` (the first one).
    static func mention(_ surface: String, in result: NormalizationResult) -> Mention? {
        result.mentions.first { $0.surface == surface }
    }
}

/// Each way of matching a mention to an entity, on sentences written for these tests.
@Suite struct MatchingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var surface: String
        var id: String
        /// nil where more than one method fits the spelling equally well.
        var method: MatchMethod?
        var replacement: String
        var output: String
        var testDescription: String { surface }
    }

    static let cases: [Case] = [
        // Exact keys: the canonical name, Latin transliterations of native-script aliases.
        Case(text: "Pavel Sokolov chaired the session.", surface: "Pavel Sokolov", id: "pavel-sokolov", method: .alias,
             replacement: "Pavel Sokolov", output: "Pavel Sokolov chaired the session."),
        Case(text: "Officials said Wang Chien-kuo visited the dam.", surface: "Wang Chien-kuo", id: "wang-jianguo",
             method: .transliteration, replacement: "Wang Jianguo", output: "Officials said Wang Jianguo visited the dam."),
        Case(text: "Talks with Dannier Fusite ended late.", surface: "Dannier Fusite", id: "daniel-foster",
             method: .transliteration, replacement: "Daniel Foster", output: "Talks with Daniel Foster ended late."),
        Case(text: "A letter from Bai Lin arrived.", surface: "Bai Lin", id: "laura-bennett", method: .transliteration,
             replacement: "Laura Bennett", output: "A letter from Laura Bennett arrived."),
        Case(text: "Reporters met Kang Min-suk in the lobby.", surface: "Kang Min-suk", id: "kang-minseok",
             method: .transliteration, replacement: "Kang Min-seok", output: "Reporters met Kang Min-seok in the lobby."),
        Case(text: "Reporters met Gang Min-seok in the lobby.", surface: "Gang Min-seok", id: "kang-minseok",
             method: .transliteration, replacement: "Kang Min-seok", output: "Reporters met Kang Min-seok in the lobby."),
        Case(text: "Shares of Jinghai Gang Jituan rose.", surface: "Jinghai Gang Jituan", id: "jinghai-port",
             method: .transliteration, replacement: "Jinghai Port Group", output: "Shares of Jinghai Port Group rose."),
        // Family and given names in the other order.
        Case(text: "Jianguo Wang spoke first.", surface: "Jianguo Wang", id: "wang-jianguo", method: .order,
             replacement: "Wang Jianguo", output: "Wang Jianguo spoke first."),
        Case(text: "Then Min-seok Kang spoke.", surface: "Min-seok Kang", id: "kang-minseok", method: .order,
             replacement: "Kang Min-seok", output: "Then Kang Min-seok spoke."),
        Case(text: "The talks with Sokolov Pavel resumed.", surface: "Sokolov Pavel", id: "pavel-sokolov", method: .order,
             replacement: "Pavel Sokolov", output: "The talks with Pavel Sokolov resumed."),
        // A name part cut short: "<Given> <cut family>".
        // (Both need the document to name the person first: each is also a well-formed name of someone else.)
        Case(text: "Kenta Morimoto arrived. Reporters heard Kenta Morimo speak.", surface: "Kenta Morimo", id: "kenta-morimoto",
             method: .truncation, replacement: "Kenta Morimoto", output: "Kenta Morimoto arrived. Reporters heard Kenta Morimoto speak."),
        // A misspelled Latin name, whole or family name alone.
        Case(text: "Delegates cheered Gregor Halvorson loudly.", surface: "Gregor Halvorson", id: "gregor-halvorsen",
             method: .fuzzy, replacement: "Gregor Halvorsen", output: "Delegates cheered Gregor Halvorsen loudly."),
        Case(text: "Gregor Halvorsen arrived. The envoy, Halvorson, declined.", surface: "Halvorson", id: "gregor-halvorsen",
             method: .fuzzy, replacement: "Halvorsen", output: "Gregor Halvorsen arrived. The envoy, Halvorsen, declined."),
        // The family name alone, long enough to stand without context.
        Case(text: "Markets rose after Halvorsen spoke.", surface: "Halvorsen", id: "gregor-halvorsen", method: .surname,
             replacement: "Halvorsen", output: "Markets rose after Halvorsen spoke."),
        // A shorter family name alone needs context (here an earlier full mention); a Hepburn variant of it.
        Case(text: "Shota Kondo arrived. Markets fell after Kondoh spoke.", surface: "Kondoh", id: "kondo-shota", method: nil,
             replacement: "Kondo", output: "Shota Kondo arrived. Markets fell after Kondo spoke."),
    ]

    @Test(arguments: cases)
    func resolves(_ c: Case) throws {
        let result = TestGazetteer.engine.normalize(c.text)
        let mention = try #require(TestGazetteer.mention(c.surface, in: result), "\(result.mentions.map(\.surface))")
        #expect(mention.status == .resolved)
        #expect(mention.chosen?.id == c.id)
        if let method = c.method { #expect(mention.chosen?.method == method) }
        #expect(mention.replacement == c.replacement)
        #expect(result.text == c.output)
        #expect(mention.chosen.map { $0.score >= TestGazetteer.engine.model.threshold } == true)
    }

    @Test func candidateExplainsItself() throws {
        let result = TestGazetteer.engine.normalize("Officials said Wang Chien-kuo visited the dam.")
        let chosen = try #require(TestGazetteer.mention("Wang Chien-kuo", in: result)?.chosen)
        #expect(chosen.key == "wangchienkuo")
        #expect(chosen.source == "王建国")
        #expect(chosen.sourceLang == "zh")
        #expect(chosen.systems.contains(.wadeGiles))
        #expect(chosen.part == .full)
        #expect(chosen.name == "Wang Jianguo")
        #expect(chosen.edits == 0)
    }

    @Test func fuzzyMatchCountsItsEdits() throws {
        let result = TestGazetteer.engine.normalize("Delegates cheered Gregor Halvorson loudly.")
        let chosen = try #require(TestGazetteer.mention("Gregor Halvorson", in: result)?.chosen)
        #expect(chosen.edits == 1)
    }

    @Test func truncationNamesTheCutPart() throws {
        let result = TestGazetteer.engine.normalize("Kenta Morimoto arrived. Reporters heard Kenta Morimo speak.")
        let chosen = try #require(TestGazetteer.mention("Kenta Morimo", in: result)?.chosen)
        #expect(chosen.detail.contains("morimo") && chosen.detail.contains("morimoto"))
    }

    /// Mention offsets count Unicode code points (not UTF-16 units, not grapheme clusters).
    @Test func offsetsAreCodePoints() throws {
        let text = "🙂 Cafe\u{301} guests met Wang Chien-kuo."
        let result = TestGazetteer.engine.normalize(text)
        let mention = try #require(TestGazetteer.mention("Wang Chien-kuo", in: result))
        // 🙂 is one code point (two UTF-16 units); "é" is written as two code points (one character).
        let expectedStart = Array(text.unicodeScalars).count - "Wang Chien-kuo.".unicodeScalars.count
        #expect(mention.start == expectedStart)
        #expect(mention.end == mention.start + 14)
        #expect(result.text == "🙂 Cafe\u{301} guests met Wang Jianguo.")
    }
}
