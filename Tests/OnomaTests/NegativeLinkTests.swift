import Foundation
import Testing
@testable import Onoma

/// Negative links (`not` in a gazetteer line, written by `gazetteer apply` for a `not <id>` review row): a surface
/// a curator said is not an entity, in any context or only near some words. Invented names.
@Suite struct NegativeLinkTests {
    static let gazetteer = """
        {"id": "zorbin-quaylock", "name": "Zorbin Quaylock", "type": "person", "given": "Zorbin", "family": "Quaylock", "not": ["Zorbyn Quaylock", {"text": "Zorbin Quaylok", "near": ["football", "Kalinsk FC"]}]}
        {"id": "marbrand", "name": "Marbrand", "type": "place"}

        """

    static func engine(_ text: String = gazetteer) throws -> Engine {
        Engine(entities: try GazetteerLoader.parse(text, file: "g.jsonl"), rules: try RuleSets())
    }

    @Test func theGazetteerFieldIsReadAndShown() throws {
        let entity = try #require(try Self.engine().entities.first)
        #expect(entity.notNames == [NegativeName(text: "Zorbyn Quaylock"),
                                    NegativeName(text: "Zorbin Quaylok", near: ["football", "Kalinsk FC"])])
        let shown = JSONWriter.serialize(EntityJSON.object(entity))
        #expect(shown.contains(#""not":["Zorbyn Quaylock",{"text":"Zorbin Quaylok","near":["football","Kalinsk FC"]}]"#))
        // Entities without negative links are shown as before.
        #expect(!JSONWriter.serialize(EntityJSON.object(try Self.engine().entities[1])).contains("\"not\""))
    }

    @Test(arguments: [
        (#"{"id": "a", "name": "A", "not": "B"}"#, "\"not\" must be an array"),
        (#"{"id": "a", "name": "A", "not": [3]}"#, "a \"not\" item must be a string or an object"),
        (#"{"id": "a", "name": "A", "not": [{"near": ["x"]}]}"#, "a \"not\" item must be a string or an object"),
        (#"{"id": "a", "name": "A", "not": [{"text": "B", "near": "x"}]}"#, "\"near\" of \"not\" \"B\" must be an array"),
    ])
    func malformedNegativeLinksAreRefusedAtTheirLine(_ line: String, _ message: String) {
        #expect {
            _ = try GazetteerLoader.parse("\n" + line + "\n", file: "g.jsonl")
        } throws: { error in
            "\(error)".hasPrefix("g.jsonl:2: ") && "\(error)".contains(message)
        }
    }

    @Test func aLaterDefinitionAddsNegativeLinksOnce() {
        let first = Entity(id: "x", name: "X", notNames: [NegativeName(text: "Ex")])
        let later = Entity(id: "x", name: "X", notNames: [NegativeName(text: "Ex"), NegativeName(text: "Eks", near: ["y"])])
        #expect(first.extended(by: later).notNames == [NegativeName(text: "Ex"), NegativeName(text: "Eks", near: ["y"])])
    }

    @Test func aNegativeLinkWithoutWordsHoldsEverywhere() throws {
        let engine = try Self.engine()
        let plain = try Self.engine(#"{"id": "zorbin-quaylock", "name": "Zorbin Quaylock", "type": "person", "given": "Zorbin", "family": "Quaylock"}"#)
        let text = "Governor Zorbyn Quaylock arrived.\n"
        #expect(plain.normalize(text).text == "Governor Zorbin Quaylock arrived.\n", "without the link, the misspelling resolves")
        let result = engine.normalize(text)
        #expect(result.text == text)
        let mention = try #require(result.mentions.first { $0.surface == "Zorbyn Quaylock" })
        #expect(mention.status == .unresolved)
        #expect(mention.candidates.first?.score == 0)
        #expect(mention.candidates.first?.refutation == "the gazetteer records that \"Zorbyn Quaylock\" is not Zorbin Quaylock")
    }

    @Test func aNegativeLinkWithWordsHoldsOnlyNearThem() throws {
        let engine = try Self.engine()
        // Before or after the name, in its sentence; a phrase of the list counts by its words.
        #expect(engine.normalize("The football coach Zorbin Quaylok left.\n").text == "The football coach Zorbin Quaylok left.\n")
        #expect(engine.normalize("Zorbin Quaylok joined Kalinsk on loan.\n").text == "Zorbin Quaylok joined Kalinsk on loan.\n")
        // Elsewhere, and in the next sentence, the misspelling is still the entity.
        #expect(engine.normalize("Governor Zorbin Quaylok spoke.\n").text == "Governor Zorbin Quaylock spoke.\n")
        #expect(engine.normalize("Governor Zorbin Quaylok spoke. Football was not discussed.\n").text
                == "Governor Zorbin Quaylock spoke. Football was not discussed.\n")
        let explanation = engine.explain("Zorbin Quaylok", context: "The football coach Zorbin Quaylok left.")
        #expect(explanation.reason.contains("ruled out: the gazetteer records that \"Zorbin Quaylok\" near \"football\" is not Zorbin Quaylock"))
        #expect(ExplanationJSON.text(explanation).contains("ruled out:"))
    }

    @Test func aRefutedEntityIsNotSuggestedAgainForThatSurface() throws {
        let engine = try Self.engine()
        #expect(!engine.suggestions(for: "Zorbyn Quaylock").contains { $0.id == "zorbin-quaylock" })
        var collector = AuditCollector(engine: engine)
        collector.add(text: "Governor Zorbyn Quaylock arrived.\n", document: "a", file: "a")
        let row = try #require(collector.rows().first { $0.key == "zorbynquaylock" })
        #expect(row.suggestions.allSatisfy { $0.id != "zorbin-quaylock" })
    }
}
