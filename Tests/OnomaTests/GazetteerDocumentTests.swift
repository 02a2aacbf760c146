import Foundation
import Testing
@testable import Onoma

@Suite struct GazetteerDocumentTests {
    static let sample = """
        {"id": "a", "name": "Alpha One", "type": "person", "note": "keep\\u00e9 me", "n": 1.50}

        {"id":"b","name":"Beta","aliases":["Bee"],"x":[1,2,{"y":null}]}

        """

    @Test func untouchedLinesAndUnknownFieldsKeepTheirBytes() throws {
        var document = try GazetteerDocument(text: Self.sample, path: "g.jsonl")
        try document.apply(EntityPatch(id: "a", aliases: [Alias(text: "阿尔法", lang: "zh")], roles: ["Chair"]))
        let lines = document.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "")
        #expect(lines[2] == #"{"id":"b","name":"Beta","aliases":["Bee"],"x":[1,2,{"y":null}]}"#)
        // The changed line keeps the unknown fields' source text exactly (escape and number format included).
        #expect(lines[0].contains(#""note": "keep\u00e9 me""#))
        #expect(lines[0].contains(#""n": 1.50"#))
        let a = try #require(document.entity(id: "a"))
        #expect(a.aliases == [Alias(text: "阿尔法", lang: "zh")])
        #expect(a.roles == ["Chair"])
        #expect(a.name == "Alpha One")
    }

    @Test func extendingDoesNotDuplicateAliasesOrRoles() throws {
        var document = try GazetteerDocument(text: Self.sample, path: "g.jsonl")
        let created = try document.apply(EntityPatch(id: "b", aliases: [Alias(text: "Bee"), Alias(text: "Bea")], roles: ["R", "R"]))
        #expect(!created)
        let b = try #require(document.entity(id: "b"))
        #expect(b.aliases.map(\.text) == ["Bee", "Bea"])
        #expect(b.roles == ["R"])
    }

    @Test func creatingNeedsAName() throws {
        var document = try GazetteerDocument(text: "", path: "g.jsonl")
        #expect(throws: GazetteerError.self) { try document.apply(EntityPatch(id: "new")) }
        let created = try document.apply(EntityPatch(id: "new", name: "New One", type: .place))
        #expect(created)
        #expect(document.text == #"{"id": "new", "name": "New One", "type": "place"}"# + "\n")
        let reparsed = try GazetteerDocument(text: document.text, path: "g.jsonl")
        #expect(reparsed.entities.map(\.id) == ["new"])
    }

    @Test func removeDropsOnlyThatEntity() throws {
        var document = try GazetteerDocument(text: Self.sample, path: "g.jsonl")
        let removedA = document.remove(id: "a")
        let removedMissing = document.remove(id: "zzz")
        #expect(removedA)
        #expect(!removedMissing)
        #expect(document.entities.map(\.id) == ["b"])
    }

    @Test func parseErrorsNameFileAndLine() {
        do {
            _ = try GazetteerDocument(text: "{\"id\":\"a\",\"name\":\"A\"}\n{oops\n", path: "g.jsonl")
            Issue.record("expected an error")
        } catch {
            #expect(error.location == SourceLocation(file: "g.jsonl", line: 2))
        }
    }

    @Test func jsonlPatchCarriesUnknownFields() throws {
        let value = try JSONParser.parse(#"{"id":"q","name":"Q","source":"x","wikidata":{"a":1}}"#)
        let patch = try EntityPatch(entity: value, at: SourceLocation(file: "f", line: 1))
        #expect(patch.extra.map(\.0) == ["source", "wikidata"])
        #expect(patch.type == nil)
    }
}

@Suite struct DurableFileTests {
    @Test func updateCreatesAndReplaces() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-durable-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sub/g.jsonl").path
        let seen: String = try DurableFile.update(path) { old in ("one\n", old) }
        #expect(seen == "")
        let again: String = try DurableFile.update(path) { old in (old + "two\n", old) }
        #expect(again == "one\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\ntwo\n")
        // No temporary files are left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("sub").path)
        #expect(Set(names) == ["g.jsonl", "g.jsonl.lock"])
    }

    @Test func aFailedTransformWritesNothing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-durable-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("g.jsonl").path
        _ = try DurableFile.update(path) { _ in ("keep\n", ()) }
        struct Boom: Error {}
        #expect(throws: Boom.self) { try DurableFile.update(path) { _ -> (String?, Void) in throw Boom() } }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep\n")
    }
}

@Suite struct AliasSyntaxTests {
    @Test(arguments: [
        ("戴琪@zh", Alias(text: "戴琪", lang: "zh")),
        ("林芳正@ja=はやし よしまさ", Alias(text: "林芳正", lang: "ja", reading: "はやし よしまさ")),
        ("Raymondo", Alias(text: "Raymondo")),
        ("Kiev@en#variant", Alias(text: "Kiev", lang: "en", kind: "variant")),
        ("someone@example.com", Alias(text: "someone@example.com")), // not a language tag: part of the text
        ("習近平@zh-Hant", Alias(text: "習近平", lang: "zh-Hant")),
    ])
    func parses(_ spec: String, _ expected: Alias) {
        #expect(AliasSyntax.parse(spec) == expected)
        #expect(AliasSyntax.parse(AliasSyntax.format(expected)) == expected)
    }

    @Test(arguments: ["en", "zh-Hant", "zh-hans", "sr-Latn-RS", "de-CH-1996", "yue"])
    func wellFormedTags(_ tag: String) { #expect(LanguageTag.isWellFormed(tag)) }

    @Test(arguments: ["", "e", "english", "zh_Hant", "en-", "12", "zh-Hant-x"])
    func malformedTags(_ tag: String) { #expect(!LanguageTag.isWellFormed(tag)) }
}

@Suite struct GazetteerTableTests {
    @Test func csvWithQuotesAndExtraColumns() throws {
        let csv = """
            id,name,type,aliases,roles,source
            p1,"Doe, Jane",person,"戴琪@zh | Jane D.","Mayor of X | ""Chief"" of Y",hand
            o1,Org,organization,,,

            """
        let patches = try GazetteerTable.patches(from: csv, separator: ",")
        #expect(patches.map(\.line) == [2, 3])
        let p = patches[0].patch
        #expect(p.name == "Doe, Jane")
        #expect(p.aliases == [Alias(text: "戴琪", lang: "zh"), Alias(text: "Jane D.")])
        #expect(p.roles == ["Mayor of X", "\"Chief\" of Y"])
        #expect(p.extra.map(\.0) == ["source"])
        #expect(patches[1].patch.type == .organization)
    }

    @Test func tsvRoundTrip() throws {
        let entities = [Entity(id: "e", name: "E One", type: .person, aliases: [Alias(text: "林芳正", lang: "ja", reading: "はやし よしまさ")], roles: ["R1", "R2"])]
        let text = GazetteerTable.text(of: entities, separator: "\t")
        let back = try GazetteerTable.patches(from: text, separator: "\t")
        #expect(back.count == 1)
        #expect(back[0].patch.aliases == entities[0].aliases)
        #expect(back[0].patch.roles == ["R1", "R2"])
    }

    @Test func errorsNameTheLine() {
        #expect(throws: DelimitedText.ParseError.self) { try GazetteerTable.patches(from: "name\nX\n", separator: ",") }
        do {
            _ = try GazetteerTable.patches(from: "id,name,type\na,A,person\nb,B,planet\n", separator: ",")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
        }
    }
}

@Suite struct GazetteerLinterTests {
    @Test func findsErrorsAndCollisions() throws {
        let text = """
            {"id": "a", "name": "Wang Yi", "type": "person", "aliases": [{"text": "王毅", "lang": "zh"}]}
            {"id": "b", "name": "Wang Yi (general)", "type": "person", "aliases": [{"text": "王毅", "lang": "zh"}]}
            {"id": "a", "name": "Again"}
            {"id": "c", "name": "C", "type": "planet"}
            not json
            {"id": "d", "name": "D", "aliases": [{"text": "小池", "lang": "ja"}, {"text": "x", "lang": "english"}]}
            """
        let (count, diagnostics) = GazetteerLinter.check([("g.jsonl", text)], rules: try RuleSets())
        #expect(count == 4)
        func at(_ line: Int, _ severity: Diagnostic.Severity) -> [Diagnostic] {
            diagnostics.filter { $0.location.line == line && $0.severity == severity }
        }
        #expect(at(3, .error).contains { $0.message.contains("duplicate id \"a\"") })
        #expect(at(4, .error).contains { $0.message.contains("type") })
        #expect(at(5, .error).contains { $0.message.contains("not valid JSON") })
        #expect(at(6, .error).contains { $0.message.contains("malformed language tag \"english\"") })
        #expect(at(6, .warning).contains { $0.message.contains("no kana reading") })
        #expect(at(2, .warning).contains { $0.message.contains("share the key \"wangyi\"") })
    }

    @Test func cleanGazetteerHasNoErrors() throws {
        let text = #"{"id": "x", "name": "Xavier Example", "type": "person"}"#
        let (_, diagnostics) = GazetteerLinter.check([("g.jsonl", text)], rules: try RuleSets())
        #expect(diagnostics.isEmpty)
    }
}
