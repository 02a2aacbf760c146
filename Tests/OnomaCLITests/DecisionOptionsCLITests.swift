import Foundation
import Testing

/// The options of `normalize` that change what is rewritten: `--canonical` (house style), `--min-confidence` and
/// `--doc-field` (JSONL documents), on a gazetteer written for these tests.
@Suite struct DecisionOptionsCLITests {
    static let gazetteer = """
    {"id": "north-vale", "name": "North Vale Republic", "type": "place", "aliases": [{"text": "Northvale", "kind": "accepted"}, {"text": "Old Vale", "kind": "deprecated"}]}
    {"id": "kastelyanova", "name": "Kastelyanova", "type": "person"}
    {"id": "gregor-halvorsen", "name": "Gregor Halvorsen", "type": "person"}

    """

    static func normalize(_ options: [String], _ input: String) throws -> ToolRun {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let gazetteer = try scratch.write("gazetteer.jsonl", gazetteer)
        return try OnomaTool.run(["normalize", "--no-default-gazetteer", "--gazetteer", gazetteer] + options,
                                 stdin: Data(input.utf8))
    }

    @Test func acceptedNamesStayAndDeprecatedOnesAreRewritten() throws {
        let run = try Self.normalize([], "Officials in Northvale and Old Vale met.\n")
        expectSuccess(run)
        #expect(run.stdoutText == "Officials in Northvale and North Vale Republic met.\n")
    }

    @Test func canonicalRewritesAcceptedNamesToo() throws {
        let run = try Self.normalize(["--canonical"], "Officials in Northvale and Old Vale met.\n")
        expectSuccess(run)
        #expect(run.stdoutText == "Officials in North Vale Republic and North Vale Republic met.\n")
    }

    @Test func minConfidenceHoldsBackLessCertainRewrites() throws {
        let text = "Kastelianova arrived.\n"
        let byDefault = try Self.normalize([], text)
        expectSuccess(byDefault)
        #expect(byDefault.stdoutText == "Kastelyanova arrived.\n")
        let strict = try Self.normalize(["--min-confidence", "0.999"], text)
        expectSuccess(strict)
        #expect(strict.stdoutText == text)
    }

    @Test(arguments: ["2", "-0.1", "high"])
    func minConfidenceOutsideZeroToOneIsAnError(_ value: String) throws {
        let run = try Self.normalize(["--min-confidence", value], "Kastelianova arrived.\n")
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
        #expect(String(decoding: run.stderr, as: UTF8.self).contains("--min-confidence"))
    }

    @Test func docFieldCarriesContextAcrossLinesOfOneDocument() throws {
        let input = """
        {"doc": "a", "text": "Gregor Halvorsen arrived."}
        {"doc": "a", "text": "Later, Halvorson spoke."}
        {"doc": "b", "text": "Later, Halvorson spoke."}

        """
        let run = try Self.normalize(["--input-format", "jsonl", "--doc-field", "doc"], input)
        expectSuccess(run)
        let texts = try run.stdoutText.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["text"] as? String
        }
        // The family name alone, misspelled, resolves only after the full name in the same document.
        #expect(texts == ["Gregor Halvorsen arrived.", "Later, Halvorsen spoke.", "Later, Halvorson spoke."])
        // Without --doc-field every line is a document of its own.
        let alone = try Self.normalize(["--input-format", "jsonl"], input)
        expectSuccess(alone)
        #expect(alone.stdoutText.components(separatedBy: "Later, Halvorson spoke.").count == 3)
    }
}
