import ArgumentParser
import Foundation
import Onoma

extension OnomaCommand {
    /// `onoma gazetteer check`: lint gazetteers; non-zero exit on errors.
    struct GazetteerCheck: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Lint gazetteers: errors (exit 1) and warnings, each with file and line.",
            discussion: """
                Checks the default gazetteers (the built-in one and your user gazetteer; --no-default-gazetteer leaves \
                them out) and each --gazetteer file, together, so collisions between them are found too.
                Errors: lines that are not JSON, missing id or name, unknown type, duplicate ids, malformed \
                language tags. Warnings: Japanese kanji aliases without a kana reading, readings that are not kana, \
                and keys that collide across entities after folding and romanization (two people who both \
                romanize the same) or are one edit apart.
                """)

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        @Flag(name: .customLong("errors-only"), help: "Print errors only.")
        var errorsOnly = false

        @OptionGroup var gazetteer: GazetteerOptions

        func run() throws {
            var files = [(path: String, text: String)]()
            if !gazetteer.noDefaultGazetteer {
                for path in BuiltinData.files.keys.sorted() where path.hasPrefix("gazetteer/") {
                    files.append(("<default>/Data/" + path, BuiltinData.files[path]!))
                }
                if FileManager.default.fileExists(atPath: GazetteerOptions.userGazetteer) {
                    files.append((GazetteerOptions.userGazetteer, try Files.readText(GazetteerOptions.userGazetteer)))
                }
            }
            for path in gazetteer.gazetteers { files.append((path, try Files.readText(path))) }
            let rules: RuleSets
            do { rules = try RuleSets() } catch { throw CommandFailure("cannot compile the romanization rules: \(error)") }
            let (count, diagnostics) = GazetteerLinter.check(files, rules: rules)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            for d in diagnostics where !(errorsOnly && d.severity == .warning) { print(d) }
            print("\(count) entities in \(files.count) file\(files.count == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
        }
    }
}
