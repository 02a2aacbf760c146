import ArgumentParser
import Foundation

/// The `onoma` command: repairs names in machine-translated text.
@main
struct OnomaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onoma",
        abstract: "Repair names in machine-translated text.",
        discussion: """
            Onoma finds the variants machine translation makes of names ("Dai Qi", "Lin Fangzheng", "Raymondo") \
            and maps them to canonical entities of a gazetteer, deriving the variants from each entity's \
            native-script names.
            """,
        version: "onoma \(packageVersion) (\(gitRevision))",
        subcommands: [Normalize.self, Audit.self, Explain.self, Gazetteer.self, Serve.self]
    )

    /// The package version, raised with each release.
    static let packageVersion = "0.5.0"

    /// Parses and runs; a mistyped subcommand or option gets a "did you mean" instead of the parser's bare error.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure, let hint = Suggestions.hint(for: arguments) {
                FileHandle.standardError.write(Data("Error: \(hint.message)\nSee '\(hint.command) --help'.\n".utf8))
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
            exit(withError: error)
        }
    }
}
