import Foundation
import Testing

/// `onoma normalize` streams its input: the output and the report do not depend on the chunk size it reads in (the
/// hidden `--chunk-size`, tiny here to force cuts everywhere) or on `--jobs`, and a bad line late in a large input
/// still leaves nothing written. The test gazetteer keeps each run's start-up short.
@Suite struct StreamingCLITests {
    static let gazetteer = ["--no-default-gazetteer", "--gazetteer", Golden.folder.appendingPathComponent("test-gazetteer.jsonl").path]

    /// Sentences of the golden custom.txt, which name the test gazetteer's entities.
    static func sentences() throws -> [String] {
        String(decoding: try Golden.data("custom.txt"), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Runs normalize on `input` with `arguments`, returning standard output and the report.
    static func normalize(_ arguments: [String], input: String, in scratch: Scratch) throws -> (out: Data, report: Data) {
        let path = try scratch.write("input", input)
        try? FileManager.default.removeItem(atPath: scratch.path("report.jsonl"))
        let run = try OnomaTool.run(["normalize"] + gazetteer + arguments + ["--report", scratch.path("report.jsonl"), path],
                                    in: scratch.url)
        expectSuccess(run)
        return (run.stdout, try scratch.read("report.jsonl"))
    }

    @Test func jsonlOutputDoesNotDependOnTheChunkSizeOrTheJobs() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let sentences = try Self.sentences()
        // Documents of three lines (one with a family name alone after the full name), CRLF, blank lines, multi-byte
        // text, a byte order mark and no line break at the end.
        var lines = [String]()
        for i in 0..<150 {
            let text = sentences[i % sentences.count].replacingOccurrences(of: "\"", with: "\\\"") + " 東京 café 😀"
            lines.append(#"{"doc": \#(i / 3), "text": "\#(text)"}"#)
            if i % 7 == 0 { lines.append("") }
        }
        let input = "\u{FEFF}" + lines.joined(separator: "\r\n")
        let options = ["--input-format", "jsonl", "--doc-field", "doc"]
        let reference = try Self.normalize(options, input: input, in: scratch)
        #expect(!reference.report.isEmpty)
        for extra in [["--chunk-size", "1"], ["--chunk-size", "5"], ["--chunk-size", "333", "--jobs", "2"], ["--jobs", "3"]] {
            let streamed = try Self.normalize(options + extra, input: input, in: scratch)
            #expect(streamed.out == reference.out, "\(extra)")
            #expect(streamed.report == reference.report, "\(extra)")
        }
    }

    @Test func textOutputDoesNotDependOnTheChunkSize() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let sentences = try Self.sentences()
        // Far more than one of the engine's chunks (2,000 code points), paragraphs of one to three lines.
        var text = ""
        for i in 0..<400 { text += sentences[i % sentences.count] + ["\n", "\r\n", "\n\n", " "][i % 4] + "Москва 東京 " }
        let reference = try Self.normalize([], input: text, in: scratch)
        for size in ["1", "7", "4096"] {
            let streamed = try Self.normalize(["--chunk-size", size], input: text, in: scratch)
            #expect(streamed.out == reference.out, "chunk size \(size)")
            #expect(streamed.report == reference.report, "chunk size \(size)")
        }
    }

    /// A bad line (or byte) after thousands of good ones: exit status 1, its file and line (or byte offset) named,
    /// nothing on standard output, no output or report file and no temporary file left.
    @Test(arguments: ["line", "byte"]) func aBadLineLateInALargeInputWritesNothing(_ kind: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let good = String(repeating: #"{"text": "Trade Envoy Aoersen arrived."}"# + "\n", count: 5_000)
        var bytes = Data(good.utf8)
        bytes += kind == "line" ? Data(#"{"text": "cut short"#.utf8) + Data("\n".utf8) : Data([0x7B, 0xFF, 0x7D, 0x0A])
        bytes += Data(#"{"text": "one more"}"#.utf8) + Data("\n".utf8)
        let input = try scratch.write("big.jsonl", bytes)
        let expected = kind == "line" ? "line 5001" : "byte offset \(good.utf8.count + 1)"
        for extra in [["-o", scratch.path("out.jsonl"), "--report", scratch.path("report.jsonl")], [], ["--jobs", "2"],
                      ["--chunk-size", "100", "-o", scratch.path("out.jsonl")]] {
            let run = try OnomaTool.run(["normalize", "--input-format", "jsonl"] + Self.gazetteer + extra + [input], in: scratch.url)
            #expect(run.status == 1, "\(extra)")
            #expect(run.stdout.isEmpty, "\(extra): \(run.stdout.count) bytes on standard output")
            #expect(run.stderrText.contains(input) && run.stderrText.contains(expected), "\(extra): \(run.stderrText)")
            let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0 != "big.jsonl" }
            #expect(left.isEmpty, "\(extra): left \(left)")
        }
        // From standard input too (copied to a temporary file to be checked before anything is written).
        let piped = try OnomaTool.run(["normalize", "--input-format", "jsonl"] + Self.gazetteer, stdin: bytes, in: scratch.url)
        #expect(piped.status == 1 && piped.stdout.isEmpty && piped.stderrText.contains("<stdin>"))
    }
}
