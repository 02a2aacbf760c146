import Foundation
import Testing
@testable import Onoma

/// Audit grouping, ranking, contexts and suggestions, on texts and a gazetteer written for these tests.
@Suite struct AuditTests {
    static let entities: [Entity] = [
        Entity(id: "mei-lanfang", name: "Mei Lanfang", type: .person, aliases: [Alias(text: "梅兰芳", lang: "zh")]),
        Entity(id: "ken-tanaka", name: "Ken Tanaka", type: .person, aliases: [Alias(text: "田中健", lang: "ja", reading: "たなか けん")]),
        Entity(id: "yuki-tanaka", name: "Yuki Tanaka", type: .person, aliases: [Alias(text: "田中雪", lang: "ja", reading: "たなか ゆき")]),
    ]
    static let engine = Engine(entities: entities, rules: try! RuleSets())

    static func collect() -> [AuditRow] {
        var collector = AuditCollector(engine: engine)
        collector.add(text: "Zorba Quint met the press.\nLater Zorba Quint left, said ZORBA QUINT aides.\n", document: "a.txt", file: "a.txt")
        collector.add(text: "In Osterholm, Zorbaquint arrived. Tanaka smiled.\n", document: "b.txt", file: "b.txt")
        collector.add(text: "Mei Lanfang sang.\n", document: "c.txt", file: "c.txt")
        return collector.rows()
    }

    @Test func markupInTheTextCannotBreakTheReviewPage() throws {
        var collector = AuditCollector(engine: Self.engine)
        collector.add(text: "Zorba Quint wrote <!--<script> and </script> in a post.\n", document: "x.txt", file: "x.txt")
        let html = AuditReport.render(collector.rows(), format: .html)
        let open = #"<script type="application/json" id="rows">"#
        let start = try #require(html.range(of: open)).upperBound
        let end = try #require(html[start...].range(of: "</script>")).lowerBound
        let block = String(html[start..<end])
        #expect(!block.contains("<"), "the data block holds no \"<\" the HTML parser could read")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [Any])
        #expect(String(describing: rows).contains("<!--<script>"))
        // The page's own script follows the data block intact.
        #expect(html[end...].contains("JSON.parse(document.getElementById('rows').textContent)"))
    }

    @Test func groupsByFoldedKeyAndRanksByOccurrences() throws {
        let rows = Self.collect()
        let first = try #require(rows.first)
        #expect(first.key == "zorbaquint")
        #expect(first.occurrences == 4)
        #expect(first.documents == 2)
        #expect(Dictionary(uniqueKeysWithValues: first.surfaces.map { ($0.surface, $0.count) })
                == ["Zorba Quint": 2, "ZORBA QUINT": 1, "Zorbaquint": 1])
        #expect(first.surfaces.first?.surface == "Zorba Quint")
        // Up to three contexts, with file and line.
        #expect(first.contexts.count == 3)
        #expect(first.contexts.map(\.line) == [1, 2, 2])
        #expect(first.contexts[0].surface == "Zorba Quint")
        #expect(first.contexts[0].after.hasPrefix(" met the press."))
        // A resolved name is not audited.
        #expect(!rows.contains { $0.key == "meilanfang" })
    }

    /// Spellings of probably one name in one document are one row (issue 12: three spellings of one governor were
    /// three rows); the same spellings only in different documents stay apart.
    @Test func closeSpellingsInOneDocumentAreOneRow() throws {
        var collector = AuditCollector(engine: Self.engine)
        collector.add(text: "Governor Ostap Zelinchuk spoke. Later Ostap Zelenchuk left, and Ostap Zelinchuk returned.\n",
                      document: "a.txt", file: "a.txt")
        collector.add(text: "Marko Dovbush arrived.\n", document: "b.txt", file: "b.txt")
        collector.add(text: "Marko Dowbush left.\n", document: "c.txt", file: "c.txt")
        let rows = collector.rows()
        let governor = try #require(rows.first { $0.keys.contains("ostapzelinchuk") })
        #expect(governor.keys == ["ostapzelinchuk", "ostapzelenchuk"])
        #expect(governor.key == "ostapzelinchuk")
        #expect(governor.surfaces.map(\.surface) == ["Ostap Zelinchuk", "Ostap Zelenchuk"])
        #expect(governor.occurrences == 3 && governor.documents == 1)
        #expect(rows.filter { $0.keys.contains("markodovbush") || $0.keys.contains("markodowbush") }.count == 2)
        // Different names in one document stay apart.
        #expect(!AuditCollector.probablyOneName(["ostap", "zelinchuk"], ["marko", "dovbush"]))
        #expect(!AuditCollector.probablyOneName(["zelinchuk"], ["zelinchuk"]))
    }

    static let oneName: [([String], [String], Bool)] = [
        (["kharkiv"], ["kharkov"], true), // one word, seven letters, one edit
        (["internet"], ["internal"], false), // one word two edits off: another word
        (["marina"], ["karina"], false), // different first letter, and short
        (["valya"], ["valia"], false), // one word of five letters: too short to tell
        (["ostap", "zelinchuk"], ["ostap", "zelenchuk"], true),
        (["ostap", "zelinchuk"], ["oleh", "zelenchuk"], false), // two words differ
        (["gennady", "kazakevich"], ["gennady", "kazakevych"], true),
        (["petro", "sirko"], ["petro", "sirk"], true), // four letters beside an equal word
        (["petro", "sirko"], ["petro", "sirkovenko"], false), // more than two edits
        (["ann", "lee"], ["ann", "lei"], false), // too short
    ]

    @Test(arguments: oneName)
    func spellingsOfProbablyOneName(_ a: [String], _ b: [String], _ expected: Bool) {
        #expect(AuditCollector.probablyOneName(a, b) == expected)
        #expect(AuditCollector.probablyOneName(b, a) == expected)
    }

    /// Entities the same documents name come first among the suggestions, then the closest.
    @Test func entitiesNamedInTheSameDocumentAreSuggestedFirst() throws {
        func suggestion(_ id: String, _ score: Float) -> Suggestion {
            Suggestion(entityIndex: 0, id: id, name: id, score: score, reason: "")
        }
        let near = [suggestion("a", 0.9), suggestion("b", 0.5), suggestion("c", 0.7)]
        #expect(AuditCollector.ordered(near, namedNearby: [:]).map(\.id) == ["a", "c", "b"])
        #expect(AuditCollector.ordered(near, namedNearby: ["b": 1]).map(\.id) == ["b", "a", "c"])
        #expect(AuditCollector.ordered(near, namedNearby: ["b": 1, "c": 2]).map(\.id) == ["c", "b", "a"])
        // In a collection: the document's resolved entity is counted for the keys seen beside it.
        var collector = AuditCollector(engine: Self.engine)
        collector.add(text: "Yuki Tanaka spoke. Later Yuka Tanaki came.\n", document: "a.txt", file: "a.txt")
        let row = try #require(collector.rows().first { $0.key == "tanaki" })
        #expect(row.suggestions.map(\.id) == ["yuki-tanaka", "ken-tanaka"])
    }

    @Test func ambiguousMentionsCarryTheirCandidates() throws {
        let row = try #require(Self.collect().first { $0.key == "tanaka" })
        #expect(row.statuses == [.ambiguous])
        #expect(Set(row.suggestions.map(\.id)) == ["ken-tanaka", "yuki-tanaka"])
    }

    @Test func unmatchedNamesGetNearestEntities() {
        let suggestions = Self.engine.suggestions(for: "Mei Lanfeng")
        #expect(suggestions.first?.id == "mei-lanfang")
        #expect(suggestions.first?.reason.contains("edit") == true)
        #expect(Self.engine.suggestions(for: "Qqqq Zzzz").isEmpty)
    }

    @Test func resolvedBelowAScoreCanBeIncluded() {
        var collector = AuditCollector(engine: Self.engine, resolvedBelow: 0.99)
        collector.add(text: "Mei Langfang sang.\n", document: "d", file: "d")
        let rows = collector.rows()
        #expect(rows.first?.key == "meilangfang")
        #expect(rows.first?.statuses == [.resolved])
    }

    /// Golden files for every output format: re-record with ONOMA_RECORD=1 and read the diff.
    @Test(arguments: AuditReport.Format.allCases)
    func goldenOutput(_ format: AuditReport.Format) throws {
        let rendered = AuditReport.render(Self.collect(), format: format)
        try Golden.check(rendered, name: "audit.\(format.rawValue)")
    }

    @Test func htmlEscapesAndMarksNames() {
        var collector = AuditCollector(engine: Self.engine)
        collector.add(text: "<b>Zed Qux</b> & co.\n", document: "x", file: "x")
        let html = AuditReport.render(collector.rows(), format: .html)
        #expect(html.contains("<mark>Zed Qux</mark>"))
        #expect(html.contains("&lt;b&gt;"))
        #expect(!html.contains("<b>Zed"))
        #expect(html.contains("value=\"ignore\""))
    }
}

/// Golden-file comparison for the library's rendered outputs.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ONOMA_RECORD"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from its golden file (re-record with ONOMA_RECORD=1 and read the diff)",
                sourceLocation: sourceLocation)
    }
}
