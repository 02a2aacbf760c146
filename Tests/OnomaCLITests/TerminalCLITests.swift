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
