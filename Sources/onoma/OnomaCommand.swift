import ArgumentParser

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
        subcommands: [Normalize.self, Audit.self, Explain.self, Gazetteer.self]
    )
}
