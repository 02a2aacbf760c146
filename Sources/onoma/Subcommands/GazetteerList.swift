import ArgumentParser
import Onoma

extension OnomaCommand {
    /// `onoma gazetteer list`: one line per entity, filtered.
    struct GazetteerList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List entities: id, type, name and aliases, one per line.")

        @Option(help: "Only entities of this type.")
        var type: String?

        @Option(help: "Only entities whose id, name or an alias contains this text (case and accents ignored).")
        var text: String?

        @OptionGroup var gazetteer: GazetteerOptions

        func validate() throws {
            if let type, EntityType(rawValue: type) == nil { throw ValidationError("--type must be person, organization, place or other") }
        }

        func run() throws {
            let needle = text.map { KeyFolding.tokens($0).joined(separator: " ") }
            for entity in try gazetteer.loadEntities() {
                if let type, entity.type.rawValue != type { continue }
                if let needle, !needle.isEmpty {
                    let haystack = ([entity.id, entity.name] + entity.aliases.map(\.text))
                    if !haystack.contains(where: { KeyFolding.tokens($0).joined(separator: " ").contains(needle) || $0.contains(text!) }) { continue }
                }
                let aliases = entity.aliases.map(AliasSyntax.format).joined(separator: ", ")
                print("\(entity.id)\t\(entity.type.rawValue)\t\(entity.name)\(aliases.isEmpty ? "" : "\t" + aliases)")
            }
        }
    }
}
