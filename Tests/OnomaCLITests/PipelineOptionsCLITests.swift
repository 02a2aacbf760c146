import Foundation
import Testing

/// JSONL pipeline options of `onoma normalize` (issue 12): named text and mentions members, refusing to overwrite
/// an existing mentions member, and passing bad lines through instead of failing the batch.
@Suite struct PipelineOptionsCLITests {
    static let lines = [
        #"{"id": 1, "body": "Premier Li Ke-chiang spoke."}"#,
        #"{"id": 2, "body": null}"#,
        #"{"id": 3, "body": "Bu Linken arrived.", "entities": ["kept?"]}"#,
        "not json",
    ]

    @Test func textAndMentionsFieldsAreNamed() throws {
        let run = try OnomaTool.run(["normalize", "--input-format", "jsonl", "--text-field", "body", "--mentions-field", "ents"],
                                    stdin: Data((Self.lines[0] + "\n").utf8))
        expectSuccess(run)
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        #expect(object["body"] as? String == "Premier Li Keqiang spoke.")
        #expect((object["ents"] as? [Any])?.count == 1)
        #expect(object["mentions"] == nil)
    }

    /// Defect: an existing mentions member was silently overwritten.
    @Test func anExistingMentionsMemberIsNotOverwrittenUnlessAsked() throws {
        let input = Data((Self.lines[2] + "\n").utf8)
        let refused = try OnomaTool.run(["normalize", "--input-format", "jsonl", "--text-field", "body", "--mentions-field", "entities"],
                                        stdin: input)
        #expect(refused.status != 0)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderrText.contains(#"<stdin>: line 1: the line already has "entities""#))
        #expect(refused.stderrText.contains("--overwrite-mentions"))
        let allowed = try OnomaTool.run(["normalize", "--input-format", "jsonl", "--text-field", "body", "--mentions-field", "entities",
                                         "--overwrite-mentions"], stdin: input)
        expectSuccess(allowed)
        #expect(!allowed.stdoutText.contains("kept?"))
        #expect(allowed.stdoutText.contains("Antony Blinken arrived."))
    }

    /// Defect: one line with `"text": null` failed the whole batch with nothing written. Without `--skip-invalid`
    /// that is still the rule (bad input is an error); with it the batch goes on and the bad lines are counted.
    @Test func badLinesPassThroughWithSkipInvalid() throws {
        let input = Data((Self.lines.joined(separator: "\n") + "\n").utf8)
        let strict = try OnomaTool.run(["normalize", "--input-format", "jsonl", "--text-field", "body"], stdin: input)
        #expect(strict.status != 0)
        #expect(strict.stdout.isEmpty)
        #expect(strict.stderrText.contains(#"line 2: "body" is null, not a string"#))

        let run = try OnomaTool.run(["normalize", "--input-format", "jsonl", "--text-field", "body", "--mentions-field", "ents",
                                     "--skip-invalid"], stdin: input)
        #expect(run.status == 0, "\(run.stderrText)")
        let out = run.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(out.count == 5 && out[4].isEmpty)
        #expect(out[0].contains("Premier Li Keqiang spoke."))
        #expect(out[1] == #"{"id": 2, "body": null, "error": "line 2: \"body\" is null, not a string"}"#)
        #expect(out[2].contains("Antony Blinken arrived.") && out[2].contains(#""entities": ["kept?"]"#))
        #expect(out[3] == #"{"error": "line 4: not valid JSON: invalid literal at byte 1", "input": "not json"}"#)
        for line in out.dropLast() { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil) }
        #expect(run.stderrText.contains(#"2 lines could not be normalized and passed through with an "error" member (first: <stdin>: line 2:"#))
    }

    /// A part of a longer file (a Spark partition, a `split -l` piece) numbers its lines as the whole file does, so
    /// the parts' outputs put together are the whole file's output, "error" members included.
    @Test func firstLineNumbersALaterPartOfAFile() throws {
        let input = Data((Self.lines.joined(separator: "\n") + "\n").utf8)
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("first-line-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: report) }
        let run = try OnomaTool.run(["normalize", "--input-format", "jsonl", "--text-field", "body", "--mentions-field", "ents",
                                     "--skip-invalid", "--first-line", "101", "--report", report.path], stdin: input)
        #expect(run.status == 0, "\(run.stderrText)")
        let out = run.stdoutText.split(separator: "\n").map(String.init)
        #expect(out[1] == #"{"id": 2, "body": null, "error": "line 102: \"body\" is null, not a string"}"#)
        #expect(out[3] == #"{"error": "line 104: not valid JSON: invalid literal at byte 1", "input": "not json"}"#)
        #expect(run.stderrText.contains("(first: <stdin>: line 102:"))
        let lines = try String(contentsOf: report, encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }.map { $0["line"] as? Int }
        #expect(lines == [101, 103])

        let strict = try OnomaTool.run(["normalize", "--input-format", "jsonl", "--text-field", "body", "--first-line", "101"],
                                       stdin: input)
        #expect(strict.status != 0)
        #expect(strict.stderrText.contains(#"<stdin>: line 102: "body" is null"#))
        let zero = try OnomaTool.run(["normalize", "--input-format", "jsonl", "--first-line", "0"], stdin: input)
        #expect(zero.status != 0 && zero.stderrText.contains("--first-line takes a whole number from 1"))
    }

    @Test(arguments: [["--text-field", "body"], ["--skip-invalid"], ["--overwrite-mentions"], ["--mentions-field", "m"],
                      ["--first-line", "5"]])
    func jsonlOptionsNeedJSONLInput(_ options: [String]) throws {
        let run = try OnomaTool.run(["normalize"] + options, stdin: Data("text\n".utf8))
        #expect(run.status != 0)
        #expect(run.stderrText.contains("goes with --input-format jsonl"))
    }

    @Test func theTextAndMentionsFieldsMustDiffer() throws {
        let run = try OnomaTool.run(["normalize", "--input-format", "jsonl", "--text-field", "x", "--mentions-field", "x"],
                                    stdin: Data())
        #expect(run.status != 0)
        #expect(run.stderrText.contains("must differ"))
    }
}

/// `--jobs N` (issue 11): JSONL lines are cut into pieces only where a document starts and normalized on N threads;
/// the output, the report, skipped lines and errors are those of one thread.
@Suite struct JobsCLITests {
    static let gazetteer = """
        {"id": "zorbin-quaylock", "name": "Zorbin Quaylock", "type": "person", "given": "Zorbin", "family": "Quaylock", "aliases": [{"text": "Zorbin Quailock", "kind": "deprecated"}]}
        {"id": "marbrand", "name": "Marbrand", "type": "place", "aliases": [{"text": "Marbrandt", "kind": "deprecated"}]}

        """

    /// 600 lines in documents of 1 to 7 lines: a full name early in a document supports the family name alone later.
    static func input(badLines: Set<Int> = []) -> String {
        var out = ""
        var document = 0, left = 0
        for i in 0..<600 {
            if left == 0 { document += 1; left = 1 + (i * 7919) % 7 }
            left -= 1
            if badLines.contains(i) { out += "{\"doc\": \(document), \"text\": 3}\n"; continue }
            let text = left % 3 == 0 ? "Zorbin Quailock visited Marbrandt." : i % 2 == 0 ? "Later Quaylock spoke." : "Nothing here."
            out += "{\"doc\": \(document), \"text\": \"\(text)\"}\n"
        }
        return out
    }

    func run(_ input: String, _ extra: [String], in scratch: Scratch) throws -> (ToolRun, String) {
        _ = try scratch.write("in.jsonl", input)
        let run = try OnomaTool.run(["normalize", "--input-format", "jsonl", "--no-default-gazetteer", "--gazetteer", "g.jsonl",
                                     "in.jsonl", "--report", "report.jsonl"] + extra, in: scratch.url)
        let report = scratch.exists("report.jsonl") ? String(decoding: try scratch.read("report.jsonl"), as: UTF8.self) : ""
        try? FileManager.default.removeItem(atPath: scratch.path("report.jsonl"))
        return (run, report)
    }

    @Test(arguments: [[String](), ["--doc-field", "doc"]])
    func severalThreadsWriteWhatOneWrites(_ options: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.write("g.jsonl", Self.gazetteer)
        let (one, oneReport) = try run(Self.input(), options, in: scratch)
        expectSuccess(one)
        #expect(one.stdoutText.contains("Zorbin Quaylock visited Marbrand."))
        if !options.isEmpty { #expect(one.stdoutText.contains("Later Quaylock spoke.\", \"mentions\": [{")) }
        for jobs in ["2", "3"] {
            let (many, manyReport) = try run(Self.input(), options + ["--jobs", jobs], in: scratch)
            expectSuccess(many)
            #expect(many.stdout == one.stdout, "--jobs \(jobs)")
            #expect(manyReport == oneReport, "--jobs \(jobs)")
        }
    }

    @Test func errorsAndSkippedLinesAreThoseOfOneThread() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.write("g.jsonl", Self.gazetteer)
        let input = Self.input(badLines: [150, 420])
        let (one, _) = try run(input, ["--doc-field", "doc"], in: scratch)
        let (two, _) = try run(input, ["--doc-field", "doc", "--jobs", "2"], in: scratch)
        #expect(one.status == 1 && two.status == 1)
        #expect(two.stderrText == one.stderrText)
        #expect(two.stderrText.contains("in.jsonl: line 151:"))
        let (skipOne, _) = try run(input, ["--doc-field", "doc", "--skip-invalid"], in: scratch)
        let (skipTwo, _) = try run(input, ["--doc-field", "doc", "--skip-invalid", "--jobs", "2"], in: scratch)
        #expect(skipOne.status == 0 && skipTwo.status == 0)
        #expect(skipTwo.stdout == skipOne.stdout)
        #expect(skipTwo.stderrText == skipOne.stderrText && skipTwo.stderrText.contains("2 lines could not be normalized"))
    }

    @Test func jobsMustBeAWholeNumberFromOne() throws {
        let run = try OnomaTool.run(["normalize", "--jobs", "0"], stdin: Data())
        #expect(run.status == 64)
        #expect(run.stderrText.contains("--jobs takes a whole number from 1"))
    }
}
