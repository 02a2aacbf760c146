import ArgumentParser
import Onoma

/// "Did you mean" for a mistyped subcommand or option: `onoma normalise` → normalize, `--gazeteer` → --gazetteer.
enum Suggestions {
    /// The message for arguments that name no subcommand or option the command knows, with the command whose
    /// help goes with it ("onoma gazetteer"); nil when every word is known (or too far from anything known to guess).
    static func hint(for arguments: [String], root: ParsableCommand.Type = OnomaCommand.self)
        -> (message: String, command: String)? {
        var command: ParsableCommand.Type = root
        var index = 0
        // Walk down the subcommands the arguments name.
        while index < arguments.count, !command.configuration.subcommands.isEmpty {
            let word = arguments[index]
            if word.hasPrefix("-") { break }
            let names = command.configuration.subcommands.map { $0._commandName }
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == word }) else {
                guard let guess = closest(word, among: names) else { return nil }
                return ("unknown subcommand '\(word)' of '\(path(root, arguments[..<index]))'. Did you mean '\(guess)'?", path(root, arguments[..<index]))
            }
            command = next
            index += 1
        }
        let options = longOptions(of: command)
        for word in arguments[index...] where word.hasPrefix("--") && word.count > 2 {
            let name = String(word.prefix { $0 != "=" })
            if options.contains(name) || name == "--" { continue }
            guard let guess = closest(name, among: options) else { continue }
            return ("unknown option '\(name)' of '\(path(root, arguments[..<index]))'. Did you mean '\(guess)'?", path(root, arguments[..<index]))
        }
        return nil
    }

    /// The long options a command's help lists.
    static func longOptions(of command: ParsableCommand.Type) -> [String] {
        var options = Set<String>(["--help"])
        let help = command.helpMessage(columns: 200)
        var word = ""
        for character in help + " " {
            if character.isLetter || character.isNumber || character == "-" { word.append(character); continue }
            if word.hasPrefix("--") && word.count > 2 { options.insert(word) }
            word = ""
        }
        return options.sorted()
    }

    /// The known word nearest to `word` within a third of its length (at least one edit), if exactly one is.
    static func closest(_ word: String, among known: [String]) -> String? {
        let limit = max(1, word.count / 3)
        let scored = known.map { ($0, Distance.editDistance(word.lowercased(), $0, limit: limit + 1)) }.filter { $0.1 <= limit }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
        return scored.filter { $0.1 == best.1 }.count == 1 ? best.0 : nil
    }

    private static func path(_ root: ParsableCommand.Type, _ words: ArraySlice<String>) -> String {
        ([root._commandName] + words).joined(separator: " ")
    }
}
