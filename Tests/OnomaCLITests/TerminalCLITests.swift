import Foundation
import Testing

/// Terminal habits (issue 12, part 7): a mistyped subcommand or option gets a "did you mean".
@Suite struct TerminalCLITests {
    @Test(arguments: [
        (["normalise", "a.txt"], "unknown subcommand 'normalise' of 'onoma'. Did you mean 'normalize'?", "onoma --help"),
        (["gazeteer", "list"], "unknown subcommand 'gazeteer' of 'onoma'. Did you mean 'gazetteer'?", "onoma --help"),
        (["gazetteer", "lst"], "unknown subcommand 'lst' of 'onoma gazetteer'. Did you mean 'list'?", "onoma gazetteer --help"),
        (["normalize", "--gazeteer", "g.jsonl"], "unknown option '--gazeteer' of 'onoma normalize'. Did you mean '--gazetteer'?",
         "onoma normalize --help"),
        (["normalize", "--min-confidance=0.5"], "unknown option '--min-confidance' of 'onoma normalize'. Did you mean '--min-confidence'?",
         "onoma normalize --help"),
        (["gazetteer", "add", "--nmae", "X"], "unknown option '--nmae' of 'onoma gazetteer add'. Did you mean '--name'?",
         "onoma gazetteer add --help"),
    ])
    func aMistypedWordGetsADidYouMean(_ arguments: [String], _ message: String, _ help: String) throws {
        let run = try OnomaTool.run(arguments, stdin: Data())
        #expect(run.status == 64)
        #expect(run.stderrText == "Error: \(message)\nSee '\(help)'.\n")
        #expect(run.stdout.isEmpty)
    }

    /// A word far from every known one gets the parser's own message, with no guess.
    @Test func noGuessForAWordFarFromEveryName() throws {
        let run = try OnomaTool.run(["frobnicate"], stdin: Data())
        #expect(run.status == 64)
        #expect(!run.stderrText.contains("Did you mean"))
    }

    /// `--version`: the package version and the git revision the binary was built from.
    @Test func versionNamesThePackageVersionAndTheRevision() throws {
        let run = try OnomaTool.run(["--version"])
        #expect(run.status == 0)
        let line = run.stdoutText.trimmingCharacters(in: .newlines)
        #expect(line.hasPrefix("onoma 0.5.0 ("), "\(line)")
        // A commit (12 hex digits, perhaps "-dirty") or "unknown" outside a checkout.
        let revision = line.dropFirst("onoma 0.5.0 (".count).dropLast()
        #expect(revision == "unknown" || revision.prefix(12).allSatisfy(\.isHexDigit), "\(line)")
    }
}

/// `--color auto|always|never` (issue 12, part 7): auto colors a terminal only, and not when NO_COLOR is set or TERM
/// is dumb; always and never say so. A terminal is a pseudo-terminal from util-linux's `script`.
@Suite struct ColorCLITests {
    static let gazetteer = #"{"id": "zorbin-quaylock", "name": "Zorbin Quaylock", "type": "person"}"# + "\n"

    /// Runs `onoma explain` under `script` (a terminal) or on a pipe, with `environment` laid over the process's.
    static func explain(_ extra: [String], terminal: Bool, environment: [String: String]) throws -> String {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.write("g.jsonl", gazetteer)
        let arguments = [OnomaTool.executable.path, "explain", "Zorbin Quaylock", "--no-default-gazetteer", "--gazetteer", "g.jsonl"] + extra
        let process = Process()
        if terminal {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            let command = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            process.arguments = ["-qec", command, "/dev/null"]
        } else {
            process.executableURL = OnomaTool.executable
            process.arguments = Array(arguments.dropFirst())
        }
        process.currentDirectoryURL = scratch.url
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = scratch.path("home")
        env["NO_COLOR"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: [
        ([String](), true, ["TERM": "xterm"], true),
        ([], true, ["TERM": "xterm", "NO_COLOR": "1"], false),
        ([], true, ["TERM": "xterm", "NO_COLOR": ""], true),   // set but empty: no-color.org says it does not count
        ([], true, ["TERM": "dumb"], false),
        (["--color", "never"], true, ["TERM": "xterm"], false),
        (["--color", "always"], true, ["TERM": "dumb", "NO_COLOR": "1"], true),
        ([], false, ["TERM": "xterm"], false),
        (["--color", "always"], false, ["TERM": "xterm"], true),
    ])
    func colorFollowsTheOptionTheTerminalAndTheEnvironment(_ extra: [String], _ terminal: Bool, _ environment: [String: String],
                                                           _ colored: Bool) throws {
        let out = try Self.explain(extra, terminal: terminal, environment: environment)
        #expect(out.contains("resolved"), "the explanation was printed: \(out)")
        #expect(out.contains("\u{1B}[") == colored, "\(out)")
    }

    @Test func aBadColorValueNamesTheChoices() throws {
        let run = try OnomaTool.run(["explain", "X", "--color", "sometimes"], stdin: Data())
        #expect(run.status == 64)
        #expect(run.stderrText.contains("auto") && run.stderrText.contains("always") && run.stderrText.contains("never"))
    }
}
