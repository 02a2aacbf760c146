import ArgumentParser

extension OnomaCommand {
    /// `onoma gazetteer`: the curator's commands.
    struct Gazetteer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add, import, export, list, show, remove and check gazetteer entries; apply audit reviews.",
            discussion: """
                Commands that write change the file named by --gazetteer, or else your user gazetteer \
                ($XDG_DATA_HOME/onoma/gazetteer.jsonl, by default ~/.local/share/onoma/gazetteer.jsonl). \
                The built-in default gazetteer is never written: maintainers edit Data/gazetteer/.
                Writes are durable: the file is replaced atomically under a lock, so concurrent writers lose \
                nothing and a killed writer leaves the old or the new file.
                """,
            subcommands: [GazetteerAdd.self, GazetteerImport.self, GazetteerExport.self, GazetteerList.self,
                          GazetteerShow.self, GazetteerRemove.self, GazetteerCheck.self, GazetteerApply.self]
        )
    }
}
