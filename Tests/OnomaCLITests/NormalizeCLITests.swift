// End-to-end tests of `onoma normalize`: the built executable is run as a process, with arguments and standard input,
// and its standard output, standard error, exit status and written files are checked.
//
// Golden files live in Tests/OnomaCLITests/Golden/: the inputs (*.txt, *.jsonl, test-gazetteer.jsonl) were written
// for these tests in the style of machine-translated news, and the expected outputs beside them (*.expected.*,
// *.replace.txt, *.annotate.txt, *.report.jsonl) were recorded from the tool and then checked by hand.
//
// To re-record the expected outputs after an intended change of behaviour, run
//
//     ONOMA_RECORD=1 swift test --filter OnomaCLITests
//
// With ONOMA_RECORD=1 each golden test writes what the tool produced over its golden file instead of comparing
// (and does not fail on a difference). Read the diff of Golden/ before committing it: a golden file is only worth
// keeping if every rewrite in it is right and nothing else was touched.
//
// Every run gets a fresh, empty HOME and XDG_DATA_HOME so that a user gazetteer or stoplist on the machine does not
// change the results.

import Foundation
import Testing

// MARK: - Running the tool

/// The result of one run of `onoma`.
struct ToolRun {
    var status: Int32
    var stdout: Data
    var stderr: Data
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

enum OnomaTool {
    /// The built `onoma` executable. SwiftPM builds it into the products folder that also holds the test bundle:
    /// on Linux the test runner is `<products>/<Package>PackageTests.xctest` itself (so `Bundle.main` is that
    /// folder); on macOS the `.xctest` bundle sits in the products folder. As a last resort the folders above
    /// this source file are searched for `.build/debug/onoma`.
    static let executable: URL = {
        let fileManager = FileManager.default
        var folders = [Bundle.main.bundleURL]
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first {
            let runner = URL(fileURLWithPath: first).resolvingSymlinksInPath()
            folders.append(runner.deletingLastPathComponent())
            if runner.pathExtension == "xctest" { folders.append(runner.deletingLastPathComponent()) }
        }
        func isExecutable(_ url: URL) -> Bool {
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && fileManager.isExecutableFile(atPath: url.path)
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent("onoma")
            if isExecutable(candidate) { return candidate }
        }
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent(".build/debug/onoma")
            if isExecutable(candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        // Not found: point at the products folder so that the failure names where it looked.
        return Bundle.main.bundleURL.appendingPathComponent("onoma")
    }()

    /// Runs `onoma` with `arguments` in `directory` (default: a fresh temporary folder), feeding `stdin` (nothing if
    /// nil). Output goes through temporary files, so a large output cannot block the child on a full pipe.
    static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil) throws -> ToolRun {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let home = scratch.url.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let outURL = scratch.url.appendingPathComponent("stdout")
        let errURL = scratch.url.appendingPathComponent("stderr")
        let inURL = scratch.url.appendingPathComponent("stdin")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inURL.path, contents: stdin ?? Data())

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? scratch.url
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["XDG_DATA_HOME"] = home.appendingPathComponent("xdg").path
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        process.environment = environment
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let inHandle = try FileHandle(forReadingFrom: inURL)
        defer { try? outHandle.close(); try? errHandle.close(); try? inHandle.close() }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle
        try process.run()
        process.waitUntilExit()
        return ToolRun(status: process.terminationStatus,
                       stdout: try Data(contentsOf: outURL),
                       stderr: try Data(contentsOf: errURL))
    }
}

/// A temporary folder, removed by `remove()`.
struct Scratch {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func write(_ name: String, _ text: String) throws -> String { try write(name, Data(text.utf8)) }
    func write(_ name: String, _ data: Data) throws -> String {
        let path = path(name)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
    func read(_ name: String) throws -> Data { try Data(contentsOf: url.appendingPathComponent(name)) }
    func remove() { try? FileManager.default.removeItem(at: url) }
}

// MARK: - Golden files

enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["ONOMA_RECORD"] == "1"

    static func data(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    /// Compares `actual` with the golden file `name`, or (with ONOMA_RECORD=1) writes it there.
    static func check(_ actual: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if recording {
            try actual.write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file Golden/\(name): record it with ONOMA_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            Issue.record("""
                output differs from Golden/\(name) (re-record with ONOMA_RECORD=1 if the change is intended)
                --- expected
                \(String(decoding: expected, as: UTF8.self))
                --- actual
                \(String(decoding: actual, as: UTF8.self))
                """, sourceLocation: sourceLocation)
        }
    }
}

// MARK: - Report lines

/// One parsed `--report` line.
struct ReportLine {
    var object: [String: Any]
    var start: Int { object["start"] as! Int }
    var end: Int { object["end"] as! Int }
    var status: String { object["status"] as! String }
    var surface: String { object["surface"] as! String }
    var replacement: String? { object["replacement"] as? String }
    var id: String? { object["id"] as? String }

    static func parse(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) throws -> [ReportLine] {
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.isEmpty || text.hasSuffix("\n"), "a report ends with a line break", sourceLocation: sourceLocation)
        return try text.split(separator: "\n").map { line in
            let value = try JSONSerialization.jsonObject(with: Data(line.utf8))
            let object = try #require(value as? [String: Any], "a report line is a JSON object: \(line)", sourceLocation: sourceLocation)
            for key in ["start", "end", "surface", "status"] {
                #expect(object[key] != nil, "report line without \"\(key)\": \(line)", sourceLocation: sourceLocation)
            }
            return ReportLine(object: object)
        }
    }
}

/// The input with each resolved mention's code points (report offsets) replaced by its replacement: what normalize
/// must output if it touches nothing but resolved mentions.
func applying(_ report: [ReportLine], to input: String) -> String {
    let scalars = Array(input.unicodeScalars)
    var out = String.UnicodeScalarView()
    var position = 0
    for mention in report.filter({ $0.status == "resolved" }).sorted(by: { $0.start < $1.start }) {
        guard let replacement = mention.replacement, mention.start >= position, mention.end <= scalars.count else { continue }
        out.append(contentsOf: scalars[position..<mention.start])
        out.append(contentsOf: replacement.unicodeScalars)
        position = mention.end
    }
    out.append(contentsOf: scalars[position...])
    return String(out)
}

/// Checks a successful run: exit status 0 and nothing on standard error.
func expectSuccess(_ run: ToolRun, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(run.status == 0, "exit status \(run.status); stderr: \(run.stderrText)", sourceLocation: sourceLocation)
    #expect(run.stderrText.isEmpty, "unexpected stderr: \(run.stderrText)", sourceLocation: sourceLocation)
}

// MARK: - Golden tests

@Suite struct NormalizeGoldenTests {
    @Test func theBuiltExecutableIsFound() {
        #expect(FileManager.default.isExecutableFile(atPath: OnomaTool.executable.path),
                "no onoma executable at \(OnomaTool.executable.path): build the package first")
    }

    @Test func replaceModeOnAFile() throws {
        let run = try OnomaTool.run(["normalize", "article.txt"], in: Golden.folder)
        expectSuccess(run)
        try Golden.check(run.stdout, "article.replace.txt")
    }

    @Test func annotateMode() throws {
        // The input writes no entity under its canonical name: annotate mode currently annotates such a mention
        // with itself ("Tokyo [Tokyo]"), which is questionable and deliberately not pinned by a golden file.
        let run = try OnomaTool.run(["normalize", "--mode", "annotate", "briefing.txt"], in: Golden.folder)
        expectSuccess(run)
        try Golden.check(run.stdout, "briefing.annotate.txt")
        // Annotation only adds: removing every " [Canonical]" gives the input back.
        let input = try Golden.data("briefing.txt")
        let stripped = run.stdoutText.replacingOccurrences(of: #" \[[^\]]*\]"#, with: "", options: .regularExpression)
        #expect(stripped == String(decoding: input, as: UTF8.self))
    }

    @Test func reportWritesOneJSONObjectPerMention() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = try OnomaTool.run(["normalize", "--report", scratch.path("report.jsonl"), "article.txt"], in: Golden.folder)
        expectSuccess(run)
        // The report does not change the output.
        if !Golden.recording { #expect(run.stdout == (try Golden.data("article.replace.txt"))) }
        let report = try scratch.read("report.jsonl")
        try Golden.check(report, "article.report.jsonl")
        let lines = try ReportLine.parse(report)
        #expect(lines.allSatisfy { $0.object["file"] as? String == "article.txt" })
        let input = String(decoding: try Golden.data("article.txt"), as: UTF8.self)
        #expect(applying(lines, to: input) == run.stdoutText)
        // Offsets are code points into the input.
        let scalars = Array(input.unicodeScalars)
        for line in lines {
            #expect(String(String.UnicodeScalarView(scalars[line.start..<line.end])) == line.surface)
        }
    }

    @Test func jsonlInputKeepsEveryOtherByte() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // records.jsonl has a line with a "mentions" member of its own, replaced in place.
        let run = try OnomaTool.run(["normalize", "--input-format", "jsonl", "--overwrite-mentions",
                                     "--report", scratch.path("report.jsonl"), "records.jsonl"], in: Golden.folder)
        expectSuccess(run)
        try Golden.check(run.stdout, "records.expected.jsonl")
        let report = try scratch.read("report.jsonl")
        try Golden.check(report, "records.report.jsonl")
        for line in try ReportLine.parse(report) {
            #expect(line.object["file"] as? String == "records.jsonl")
            #expect(line.object["line"] is Int)
        }

        // Independently of the golden file: the fields other than "text" and "mentions" come out byte for byte.
        let output = run.stdoutText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(output.count == 6) // five lines and the final line break
        #expect(output[0].hasPrefix(#"{"id": "doc-001", "lang": "en", "source": {"feed": "mt-zh", "score": 0.870}, "text": "#))
        #expect(output[0].contains(#"", "tags": ["diplomacy", "\u4e2d\u7f8e"], "mentions": ["#))
        #expect(output[1].hasPrefix(#"{"text":""#))
        #expect(output[1].contains(#"","id":"doc-002" ,"mentions":["#))
        #expect(!output[1].contains("stale"), "an existing \"mentions\" is replaced")
        #expect(output[1].hasSuffix(#"],"note":null}"#))
        #expect(output[2] == "", "a blank line passes through")
        #expect(output[3].hasPrefix(#"{  "id" : "doc-004", "text" : ""#))
        #expect(output[3].contains(#"",   "seq": 4  , "mentions": ["#), "inserted before the closing brace")
        #expect(output[3].contains(#"\"candid\"."#))
        #expect(output[4] == #"{"id": "doc-005", "text": "No names here, only the weather: sunny.", "extra": [1, 2.50, 3e2, true], "mentions": []}"#)
        // Each output line is valid JSON whose "text" is the input's text normalized.
        for line in output where !line.isEmpty {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["text"] is String)
            #expect(object["mentions"] is [Any])
        }
    }

    @Test func outputFileWithDashO() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = try OnomaTool.run(["normalize", "-o", scratch.path("out.txt"), "article.txt"], in: Golden.folder)
        expectSuccess(run)
        #expect(run.stdout.isEmpty, "with -o nothing goes to standard output")
        // Same golden file as replaceModeOnAFile, which records it.
        if !Golden.recording { #expect(try scratch.read("out.txt") == (try Golden.data("article.replace.txt"))) }
    }

    @Test func dashOReplacesAnExistingFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.write("out.txt", String(repeating: "old contents\n", count: 100))
        let input = try scratch.write("in.txt", "Bu Linken arrived.\n")
        let run = try OnomaTool.run(["normalize", "--output", scratch.path("out.txt"), input])
        expectSuccess(run)
        #expect(run.stdout.isEmpty)
        #expect(String(decoding: try scratch.read("out.txt"), as: UTF8.self) == "Antony Blinken arrived.\n")
    }

    @Test func standardInput() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = try OnomaTool.run(["normalize", "--report", scratch.path("report.jsonl")], stdin: try Golden.data("stdin.txt"),
                                in: Golden.folder)
        expectSuccess(run)
        try Golden.check(run.stdout, "stdin.expected.txt")
        let report = try scratch.read("report.jsonl")
        try Golden.check(report, "stdin.report.jsonl")
        #expect(try ReportLine.parse(report).allSatisfy { $0.object["file"] == nil }, "no \"file\" for standard input")
    }

    @Test func ownGazetteerWithoutTheDefault() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = try OnomaTool.run(["normalize", "--no-default-gazetteer", "--gazetteer", "test-gazetteer.jsonl",
                                 "--report", scratch.path("report.jsonl"), "custom.txt"], in: Golden.folder)
        expectSuccess(run)
        try Golden.check(run.stdout, "custom.expected.txt")
        let report = try scratch.read("report.jsonl")
        try Golden.check(report, "custom.report.jsonl")
        let lines = try ReportLine.parse(report)
        #expect(lines.compactMap(\.id).allSatisfy { $0.hasPrefix("test-") }, "only the test gazetteer's entities")
        #expect(run.stdoutText.contains("\nDai Qi did not attend.\n"), "the default gazetteer is not loaded")
    }

    @Test func multipleFilesAreConcatenated() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = try OnomaTool.run(["normalize", "--report", scratch.path("report.jsonl"), "multi-a.txt", "multi-b.txt"],
                                in: Golden.folder)
        expectSuccess(run)
        try Golden.check(run.stdout, "multi.expected.txt")
        let report = try scratch.read("report.jsonl")
        try Golden.check(report, "multi.report.jsonl")
        let files = try ReportLine.parse(report).compactMap { $0.object["file"] as? String }
        #expect(Set(files) == ["multi-a.txt", "multi-b.txt"])
        #expect(files == files.sorted(), "report lines follow the order of the files")
    }
}

// MARK: - Losslessness

@Suite struct NormalizeLosslessnessTests {
    /// Runs normalize on `input` (as a file) and checks the output is the input with exactly the resolved mentions
    /// rewritten. Returns the output.
    func normalize(_ input: String, _ extra: [String] = []) throws -> (output: String, report: [ReportLine]) {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try scratch.write("input.txt", input)
        let run = try OnomaTool.run(["normalize"] + extra + ["--report", scratch.path("report.jsonl"), file])
        expectSuccess(run)
        let report = try ReportLine.parse(try scratch.read("report.jsonl"))
        #expect(run.stdoutText == applying(report, to: input), "only resolved mentions change")
        return (run.stdoutText, report)
    }

    static let messy = "Dai Qi\tmet  Lin Fangzheng \r\nin Kiev 🇺🇦 on Friday.   \r\n\tZorbalax Quintarelli, 😀 an aide,"
        + " said \"𝒳 marks 𝄞\" \t\r\n\r\nBu Linken  \t"

    @Test func crlfTabsTrailingSpacesEmojiNoFinalNewline() throws {
        let (output, report) = try normalize(Self.messy)
        #expect(output == "Katherine Tai\tmet  Yoshimasa Hayashi \r\nin Kyiv 🇺🇦 on Friday.   \r\n\tZorbalax Quintarelli, 😀 an aide,"
            + " said \"𝒳 marks 𝄞\" \t\r\n\r\nAntony Blinken  \t")
        #expect(Set(report.filter { $0.status == "resolved" }.compactMap(\.id))
                == ["katherine-tai", "yoshimasa-hayashi", "kyiv", "antony-blinken"])
        #expect(!report.contains { $0.surface.contains("Zorbalax") && $0.status == "resolved" }, "an unknown name stays")
    }

    @Test func annotateIsLosslessToo() throws {
        let (output, _) = try normalize(Self.messy, ["--mode", "annotate"])
        #expect(output == "Dai Qi [Katherine Tai]\tmet  Lin Fangzheng [Yoshimasa Hayashi] \r\nin Kiev [Kyiv] 🇺🇦 on Friday.   \r\n"
            + "\tZorbalax Quintarelli, 😀 an aide, said \"𝒳 marks 𝄞\" \t\r\n\r\nBu Linken [Antony Blinken]  \t")
    }

    @Test func textWithoutKnownNamesIsUnchanged() throws {
        let input = "\u{FEFF}Zorbalax Quintarelli and Mirela Vantongeren\tmet 👩‍👩‍👧 in Osterholm.\r\n  Café “Ünïcødé” — ok?\u{00A0}\n\n\n  "
        let (output, report) = try normalize(input)
        #expect(Array(output.utf8) == Array(input.utf8))
        #expect(!report.contains { $0.status == "resolved" })
    }

    @Test func emptyInput() throws {
        let (output, report) = try normalize("")
        #expect(output.isEmpty)
        #expect(report.isEmpty)
    }

    @Test func standardInputIsLossless() throws {
        let input = "Bai Deng\r\nand Pu Jing 🙂\tmet"
        let run = try OnomaTool.run(["normalize"], stdin: Data(input.utf8))
        expectSuccess(run)
        #expect(run.stdoutText == "Joe Biden\r\nand Vladimir Putin 🙂\tmet")
    }

    // Regression: JSONL input was split with `String.split(separator: "\n")`, where "\r\n" is one Character, so a
    // CRLF file was read as one line.
    @Test func jsonlKeepsCRLFLineEndings() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = "{\"text\": \"Bai Deng spoke.\", \"k\": 1}\r\n{\"text\": \"Nothing here.\"}\r\n"
        let file = try scratch.write("in.jsonl", input)
        let run = try OnomaTool.run(["normalize", "--input-format", "jsonl", file])
        let single = try OnomaTool.run(["normalize", "--input-format", "jsonl"], stdin: Data("{\"text\": \"Pu Jing\"}\r\n".utf8))
        do {
            expectSuccess(run)
            let lines = run.stdoutText.components(separatedBy: "\r\n")
            try #require(lines.count == 3, "each line keeps its CR: \(run.stdoutText)")
            #expect(lines[2].isEmpty)
            #expect(lines[0].hasPrefix("{\"text\": \"Joe Biden spoke.\", \"k\": 1, \"mentions\": ["))
            #expect(lines[1] == "{\"text\": \"Nothing here.\", \"mentions\": []}")
            expectSuccess(single)
            #expect(single.stdoutText.hasPrefix("{\"text\": \"Vladimir Putin\", \"mentions\": ["))
            #expect(single.stdoutText.hasSuffix("]}\r\n"), "no extra line break: \(single.stdoutText.debugDescription)")
        }
    }

    // Regression: the gazetteer loader split lines the same way, so a CRLF gazetteer failed to load.
    @Test func gazetteerWithCRLFLineEndings() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let gazetteer = try scratch.write("crlf.jsonl", String(decoding: try Golden.data("test-gazetteer.jsonl"), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: "\r\n"))
        let run = try OnomaTool.run(["normalize", "--no-default-gazetteer", "--gazetteer", gazetteer],
                                    stdin: Data("Aoersen met Li Shan Jian'er.\n".utf8))
        do {
            expectSuccess(run)
            // (A one-word transliteration alone needs context now; the second name shows the gazetteer loaded.)
            #expect(run.stdoutText == "Aoersen met Kenji Satoyama.\n")
        }
    }
}

// MARK: - Bad input

@Suite struct NormalizeBadInputTests {
    /// Runs a failing command with `-o` and `--report` (and with `alsoToStandardOutput`, once more without them)
    /// and checks: a non-zero exit status (`status` if given), a message on standard error containing each of
    /// `messageParts`, nothing on standard output and no file created.
    func expectFailure(_ arguments: [String], stdin: Data? = nil, in scratch: Scratch, status: Int32? = nil,
                       mentions messageParts: [String], alsoToStandardOutput: Bool = false,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        var variants: [[String]] = [["-o", scratch.path("out.txt"), "--report", scratch.path("report.jsonl")]]
        if alsoToStandardOutput { variants.append([]) }
        for extra in variants {
            // Options go after the subcommand, before the rest (order does not matter to the parser).
            let args = [arguments[0]] + extra + arguments.dropFirst()
            let run = try OnomaTool.run(args, stdin: stdin, in: scratch.url)
            #expect(run.status != 0, "exit status 0 for \(args)", sourceLocation: sourceLocation)
            if let status { #expect(run.status == status, "exit status for \(args)", sourceLocation: sourceLocation) }
            #expect(run.stdout.isEmpty, "stdout not empty: \(run.stdoutText)", sourceLocation: sourceLocation)
            for part in messageParts {
                #expect(run.stderrText.contains(part), "stderr lacks \"\(part)\": \(run.stderrText)", sourceLocation: sourceLocation)
            }
            #expect(!scratch.exists("out.txt"), "-o file created", sourceLocation: sourceLocation)
            #expect(!scratch.exists("report.jsonl"), "report file created", sourceLocation: sourceLocation)
        }
    }

    @Test func inputThatIsNotUTF8() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bad = try scratch.write("bad.txt", Data([0x41, 0xFF, 0x42]))
        try expectFailure(["normalize", bad], in: scratch, status: 1, mentions: [bad, "byte offset 1", "0xFF"],
                          alsoToStandardOutput: true)
    }

    @Test func standardInputThatIsNotUTF8() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // A valid two-byte sequence, then a lone continuation byte at offset 5.
        try expectFailure(["normalize"], stdin: Data([0x44, 0x61, 0x69, 0xC3, 0xA9, 0x80, 0x0A]), in: scratch, status: 1,
                          mentions: ["<stdin>", "byte offset 5"])
    }

    @Test func aBadFileAfterAGoodOneWritesNothing() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let good = try scratch.write("good.txt", "Bai Deng spoke.\n")
        let bad = try scratch.write("bad.txt", Data("Pu Jing\n".utf8) + Data([0xE2, 0x82]))
        try expectFailure(["normalize", good, bad], in: scratch, status: 1, mentions: [bad, "byte offset 8"],
                          alsoToStandardOutput: true)
    }

    @Test func aFailedRunLeavesAnExistingOutputFileAlone() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let previous = "previous output\n"
        let out = try scratch.write("keep.txt", previous)
        let bad = try scratch.write("bad.txt", Data([0x41, 0xFF, 0x42]))
        let run = try OnomaTool.run(["normalize", "-o", out, bad], in: scratch.url)
        #expect(run.status == 1)
        #expect(String(decoding: try scratch.read("keep.txt"), as: UTF8.self) == previous)
    }

    @Test func gazetteerLineThatIsNotJSON() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let gazetteer = try scratch.write("gaz.jsonl", """
            {"id": "ok-1", "name": "Valid Entity"}

            {"id": "broken", "name": "Broken Entity", 
            {"id": "ok-2", "name": "Another"}

            """)
        let input = try scratch.write("in.txt", "Valid Entity spoke.\n")
        try expectFailure(["normalize", "--gazetteer", gazetteer, input], in: scratch, status: 1,
                          mentions: ["\(gazetteer):3", "not valid JSON"])
    }

    @Test func gazetteerLineWithoutID() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let gazetteer = try scratch.write("gaz.jsonl", """
            {"id": "ok-1", "name": "Valid Entity"}
            {"name": "Nameless Id", "type": "person"}

            """)
        let input = try scratch.write("in.txt", "Valid Entity spoke.\n")
        try expectFailure(["normalize", "--no-default-gazetteer", "--gazetteer", gazetteer, input], in: scratch, status: 1,
                          mentions: ["\(gazetteer):2", "\"id\""])
    }

    @Test func gazetteerLineWithoutName() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let gazetteer = try scratch.write("gaz.jsonl", "{\"id\": \"no-name\", \"type\": \"person\", \"aliases\": [\"X\"]}\n")
        let input = try scratch.write("in.txt", "Valid Entity spoke.\n")
        try expectFailure(["normalize", "--gazetteer", gazetteer, input], in: scratch, status: 1,
                          mentions: ["\(gazetteer):1", "\"name\"", "no-name"])
    }

    @Test func unknownOption() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("in.txt", "Bai Deng spoke.\n")
        try expectFailure(["normalize", "--frobnicate", input], in: scratch, status: 64, mentions: ["--frobnicate"])
    }

    @Test func invalidOptionValue() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("in.txt", "Bai Deng spoke.\n")
        try expectFailure(["normalize", "--mode", "rewrite", input], in: scratch, status: 64, mentions: ["rewrite", "--mode"])
        try expectFailure(["normalize", "--input-format", "xml", input], in: scratch, status: 64, mentions: ["xml", "--input-format"])
    }

    // Regression: the --report file was written before the output, so a failing -o left a report behind.
    @Test func unwritableOutputWritesNothing() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("in.txt", "Bai Deng spoke.\n")
        let out = scratch.path("no-such-folder/out.txt")
        let run = try OnomaTool.run(["normalize", "-o", out, "--report", scratch.path("report.jsonl"), input], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderrText.contains(out), "stderr: \(run.stderrText)")
        #expect(run.stdout.isEmpty)
        do {
            #expect(!scratch.exists("report.jsonl"), "report file created by a failed run")
        }
    }

    @Test func missingInputFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let missing = scratch.path("no-such-article.txt")
        try expectFailure(["normalize", missing], in: scratch, status: 1, mentions: [missing, "no such file"])
    }

    @Test func jsonlLineThatIsNotJSON() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("in.jsonl", """
            {"text": "Bai Deng spoke."}
            {"text": "Pu Jing replied.",
            {"text": "Fine."}

            """)
        try expectFailure(["normalize", "--input-format", "jsonl", input], in: scratch, status: 1,
                          mentions: [input, "line 2", "not valid JSON"], alsoToStandardOutput: true)
    }

    @Test func jsonlLineWithoutText() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("in.jsonl", """
            {"text": "Bai Deng spoke."}

            {"body": "Pu Jing replied."}

            """)
        try expectFailure(["normalize", "--input-format", "jsonl", input], in: scratch, status: 1,
                          mentions: [input, "line 3", "\"text\""])
    }

    @Test func jsonlLineWhoseTextIsNotAString() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("in.jsonl", "{\"text\": [\"Bai Deng\"]}\n")
        try expectFailure(["normalize", "--input-format", "jsonl", input], in: scratch, status: 1,
                          mentions: [input, "line 1", "\"text\""])
    }

    @Test func jsonlFromStandardInput() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try expectFailure(["normalize", "--input-format", "jsonl"], stdin: Data("[1, 2]\n".utf8), in: scratch, status: 1,
                          mentions: ["<stdin>", "line 1"])
    }
}
