import Testing
@testable import Onoma

/// Inputs of hostile size cost what their size does, not its square: no fuzzy neighbourhood for keys longer than any
/// name, no keys for "names" of more words than any name, linear alias merges. (Timings are measured by hand and in
/// benchmarks, never here; these tests pin the behaviour that keeps the cost down.)
@Suite struct HostileSizesTests {
    @Test func aKeyLongerThanAnyNameGetsNoDeletionNeighbourhood() {
        let long = "A" + String(repeating: "b", count: 5_000)
        let engine = Engine(entities: [Entity(id: "long", name: long, type: .organization),
                                       Entity(id: "short", name: "Zorbaquint", type: .organization)], rules: try! RuleSets())
        #expect(engine.index.exact[KeyFolding.key(long)] != nil) // still matched exactly
        #expect(engine.index.deletions.count <= 2 * "zorbaquint".count)
        #expect(engine.index.fuzzyNeighbours(of: KeyFolding.key(long) + "c", maxDistance: 1).isEmpty)
    }

    @Test func aNameOfMoreWordsThanAnyNameGetsNoKeys() {
        let paragraph = (0..<(KeyIndex.maximumWords + 1)).map { "Word\($0)" }.joined(separator: " ")
        let engine = Engine(entities: [Entity(id: "paragraph", name: paragraph, type: .person)], rules: try! RuleSets())
        #expect(engine.keys(of: "paragraph").isEmpty)
        // A mention of the same words is not matched, and explaining it tries no fuzzy or structured match.
        #expect(engine.explain(paragraph).mention?.status == .unresolved)
    }

    @Test func aGazetteerNameOverTheLimitIsAnErrorNamingTheLine() throws {
        let long = String(repeating: "b", count: GazetteerLoader.maximumNameLength + 1)
        let text = #"{"id": "ok", "name": "Fine Name"}"# + "\n" + #"{"id": "long", "name": "\#(long)"}"# + "\n"
        do {
            _ = try GazetteerLoader.parse(text, file: "g.jsonl")
            Issue.record("expected an error")
        } catch {
            #expect(error.location.line == 2)
            #expect(error.message.contains("longer than \(GazetteerLoader.maximumNameLength)"))
        }
        let alias = #"{"id": "a", "name": "A", "aliases": ["\#(long)"]}"#
        #expect(throws: GazetteerError.self) { try GazetteerLoader.parse(alias, file: "g.jsonl") }
    }

    @Test func mergingManyAliasesKeepsEachOnce() {
        let base = Entity(id: "e", name: "E", aliases: (0..<20_000).map { Alias(text: "Alias \($0)", lang: "en") })
        let later = Entity(id: "e", name: "E", aliases: (10_000..<30_000).map { Alias(text: "Alias \($0)", lang: "en") }
                           + [Alias(text: "Alias 1", lang: "de")])
        let merged = base.extended(by: later)
        #expect(merged.aliases.count == 30_001)
        #expect(merged.aliases.first == Alias(text: "Alias 0", lang: "en"))
        #expect(merged.aliases.last == Alias(text: "Alias 1", lang: "de"))
    }
}
