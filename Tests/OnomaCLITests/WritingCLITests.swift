import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// How outputs and gazetteers are written: through symlinks to their targets, with the target's permissions kept,
/// never over a file with other hard links, and all outputs of a command or none.
@Suite struct WritingCLITests {
    static let input = "Bu Linken met the press.\n"

    static func mode(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_mode & 0o7777) : -1
    }

    static func isSymlink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    @Test func outputThroughASymlinkReplacesTheTargetWhole() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.write("target.txt", String(repeating: "X", count: 5000) + "\n")
        _ = try scratch.write("in.txt", Self.input)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.txt"), withDestinationPath: "target.txt")
        let run = try OnomaTool.run(["normalize", "in.txt", "-o", "link.txt"], in: scratch.url)
        expectSuccess(run)
        #expect(String(decoding: try scratch.read("target.txt"), as: UTF8.self) == "Antony Blinken met the press.\n")
        #expect(Self.isSymlink(scratch.path("link.txt")))
    }

    @Test(arguments: [0o600, 0o640])
    func outputKeepsTheFilesPermissions(_ mode: Int) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.write("in.txt", Self.input)
        let out = try scratch.write("out.txt", "old\n")
        chmod(out, mode_t(mode))
        expectSuccess(try OnomaTool.run(["normalize", "in.txt", "-o", "out.txt", "--report", "out.txt.report"], in: scratch.url))
        #expect(Self.mode(out) == mode)
        let report = try scratch.write("report.jsonl", "")
        chmod(report, mode_t(mode))
        expectSuccess(try OnomaTool.run(["normalize", "in.txt", "--report", "report.jsonl"], in: scratch.url))
        #expect(Self.mode(report) == mode)
    }

    @Test func aFileWithOtherHardLinksIsNotSplit() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.write("in.txt", Self.input)
        _ = try scratch.write("one.txt", "old\n")
        try FileManager.default.linkItem(atPath: scratch.path("one.txt"), toPath: scratch.path("two.txt"))
        let run = try OnomaTool.run(["normalize", "in.txt", "-o", "one.txt"], in: scratch.url)
        #expect(run.status == 1)
        #expect(String(decoding: run.stderr, as: UTF8.self).contains("hard links"))
        #expect(String(decoding: try scratch.read("two.txt"), as: UTF8.self) == "old\n")
    }

    @Test func aReportThatCannotBeWrittenLeavesTheTextUnwrittenToo() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.write("in.txt", Self.input)
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let run = try OnomaTool.run(["normalize", "in.txt", "-o", "out.txt", "--report", "/dev/full"], in: scratch.url)
        #expect(run.status == 1)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out.txt")))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: scratch.url.path))?.contains { $0.contains(".tmp-") } == false)
    }

    @Test func gazetteerWritesGoThroughASymlinkAndKeepItsMode() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let real = try scratch.write("real.jsonl", #"{"id": "alpha-beta", "name": "Alpha Beta", "type": "person"}"# + "\n")
        chmod(real, 0o640)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.jsonl"), withDestinationPath: "real.jsonl")
        let run = try OnomaTool.run(["gazetteer", "add", "--gazetteer", "link.jsonl", "--id", "zed-quorum",
                                     "--name", "Zed Quorum", "--type", "person"], in: scratch.url)
        expectSuccess(run)
        #expect(Self.isSymlink(scratch.path("link.jsonl")))
        #expect(String(decoding: try scratch.read("real.jsonl"), as: UTF8.self).contains("zed-quorum"))
        #expect(Self.mode(real) == 0o640)
        // Writers through the link and through the target take one lock.
        #expect(FileManager.default.fileExists(atPath: scratch.path("real.jsonl.lock")))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("link.jsonl.lock")))
    }
}

/// Text compared as bytes, not as canonically equal Strings.
@Suite struct CanonicalEquivalenceCLITests {
    static let nfc = "Zo\u{00EB} Quaid"
    static let nfd = "Zoe\u{0308} Quaid"

    @Test func aReplacementThatDiffersOnlyInNormalizationIsWrittenInJSONLMode() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let gazetteer = try scratch.write("g.jsonl", #"{"id": "zoe-quaid", "name": "\#(Self.nfd)", "type": "person"}"# + "\n")
        let input = #"{"text": "\#(Self.nfc) spoke."}"# + "\n"
        let run = try OnomaTool.run(["normalize", "--input-format", "jsonl", "--canonical", "--no-default-gazetteer",
                                     "--gazetteer", gazetteer], stdin: Data(input.utf8))
        expectSuccess(run)
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let text = try #require(object["text"] as? String)
        #expect(Array(text.utf8) == Array((Self.nfd + " spoke.").utf8))
    }

    @Test func gazetteerAddWritesANameThatChangesOnlyInNormalization() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("g.jsonl", #"{"id": "zoe-quaid", "name": "\#(Self.nfc)", "type": "person"}"# + "\n")
        expectSuccess(try OnomaTool.run(["gazetteer", "add", "--gazetteer", path, "--id", "zoe-quaid", "--name", Self.nfd],
                                        in: scratch.url))
        let written = try scratch.read("g.jsonl")
        #expect(written.range(of: Data(Self.nfd.utf8)) != nil)
        #expect(written.range(of: Data(Self.nfc.utf8)) == nil)
    }
}

/// The smaller defects of the reliability review, each reproduced.
@Suite struct SmallInputDefectsCLITests {
    static let gazetteer = #"{"id": "zorba-quint", "name": "Zorba Quint", "type": "person", "aliases": [{"text": "佐尔巴·昆特", "lang": "zh"}]}"# + "\n"

    @Test func aDuplicateTextKeyInAJSONLLineIsAnError() throws {
        let run = try OnomaTool.run(["normalize", "--input-format", "jsonl"],
                                    stdin: Data(#"{"text": "one", "text": "two"}"#.utf8 + [0x0A]))
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let message = String(decoding: run.stderr, as: UTF8.self)
        #expect(message.contains("line 1") && message.contains("more than once"))
    }

    @Test func aByteOrderMarkIsAcceptedAndPassedThrough() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bom = "\u{FEFF}"
        let gazetteer = try scratch.write("g.jsonl", bom + Self.gazetteer)
        let input = bom + #"{"text": "Zuoerba Kunte spoke."}"# + "\n"
        let run = try OnomaTool.run(["normalize", "--input-format", "jsonl", "--no-default-gazetteer", "--gazetteer", gazetteer],
                                    stdin: Data(input.utf8))
        expectSuccess(run)
        #expect(run.stdoutText.hasPrefix(bom + "{"))
        #expect(run.stdoutText.contains("Zorba Quint spoke."))
        // Editing the gazetteer keeps its mark and its entity.
        expectSuccess(try OnomaTool.run(["gazetteer", "add", "--gazetteer", gazetteer, "--id", "zorba-quint", "--role", "Envoy"]))
        let edited = String(decoding: try scratch.read("g.jsonl"), as: UTF8.self)
        #expect(edited.hasPrefix(bom + "{") && edited.contains("Envoy"))
        // A CSV import with a mark reads its header.
        let csv = try scratch.write("in.csv", bom + "id,name,type\nalpha-q,Alpha Q,person\n")
        expectSuccess(try OnomaTool.run(["gazetteer", "import", csv, "--format", "csv", "--gazetteer", scratch.path("out.jsonl")]))
        #expect(String(decoding: try scratch.read("out.jsonl"), as: UTF8.self).contains("alpha-q"))
    }

    @Test func carriageReturnOnlyLineEndingsAreLinesAndAreKept() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let gazetteer = try scratch.write("g.jsonl", Self.gazetteer.replacingOccurrences(of: "\n", with: "\r"))
        let input = #"{"text": "Zuoerba Kunte spoke."}"# + "\r" + #"{"text": "No names."}"# + "\r"
        let run = try OnomaTool.run(["normalize", "--input-format", "jsonl", "--no-default-gazetteer", "--gazetteer", gazetteer],
                                    stdin: Data(input.utf8))
        expectSuccess(run)
        let lines = run.stdoutText.split(separator: "\r", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty && !run.stdoutText.contains("\n"))
        #expect(lines[0].contains("Zorba Quint spoke."))
        expectSuccess(try OnomaTool.run(["gazetteer", "add", "--gazetteer", gazetteer, "--id", "alpha-q", "--name", "Alpha Q"]))
        let edited = String(decoding: try scratch.read("g.jsonl"), as: UTF8.self)
        #expect(edited.split(separator: "\r").count == 2 && !edited.contains("\n"))
    }

    @Test func aFileNameCannotInjectAFormulaIntoTheAuditCSV() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.write("=HYPERLINK(1).txt", "Zorbal Quintessa met the press.\n")
        let run = try OnomaTool.run(["audit", "--format", "csv", "--no-default-gazetteer",
                                     "--gazetteer", try scratch.write("g.jsonl", Self.gazetteer), "=HYPERLINK(1).txt"], in: scratch.url)
        expectSuccess(run)
        #expect(run.stdoutText.contains("'=HYPERLINK(1).txt"))
        #expect(!run.stdoutText.contains(",=HYPERLINK"))
    }

    @Test func gazetteerCheckRejectsControlCharactersInNames() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("g.jsonl", #"{"id": "bad", "name": "Bad\u0000Name", "type": "person", "aliases": ["Two\nLines"]}"# + "\n")
        let run = try OnomaTool.run(["gazetteer", "check", "--no-default-gazetteer", "--gazetteer", path])
        #expect(run.status == 1)
        #expect(run.stdoutText.contains("control character") || String(decoding: run.stderr, as: UTF8.self).contains("control character"))
    }
}

/// A writer that finds the gazetteer locked says that it waits, and gives up after --lock-timeout.
@Suite struct LockWaitCLITests {
    @Test func aHeldLockIsReportedAndTimesOut() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("g.jsonl", #"{"id": "alpha-beta", "name": "Alpha Beta", "type": "person"}"# + "\n")
        let lock = open(path + ".lock", O_RDWR | O_CREAT, 0o644)
        #expect(lock >= 0)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX) == 0)
        let run = try OnomaTool.run(["gazetteer", "add", "--gazetteer", path, "--id", "zed-quorum", "--name", "Zed Quorum",
                                     "--lock-timeout", "0.3"])
        #expect(run.status == 1)
        let message = String(decoding: run.stderr, as: UTF8.self)
        #expect(message.contains("waiting for another writer's lock"))
        #expect(message.contains("still holds the lock"))
        #expect(!String(decoding: try scratch.read("g.jsonl"), as: UTF8.self).contains("zed-quorum"))
        flock(lock, LOCK_UN)
        expectSuccess(try OnomaTool.run(["gazetteer", "add", "--gazetteer", path, "--id", "zed-quorum", "--name", "Zed Quorum",
                                         "--lock-timeout", "0.3"]))
    }

    @Test func aNegativeLockTimeoutIsAnError() throws {
        let run = try OnomaTool.run(["gazetteer", "add", "--id", "x", "--name", "X", "--lock-timeout", "-1"])
        #expect(run.status == 64)
    }
}
