import ArgumentParser
import Onoma

extension OnomaCommand {
    /// `onoma gazetteer show ID`: an entity, where it is defined, and the keys Onoma derives from it.
    struct GazetteerShow: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show an entity, where it is defined, and the keys derived from its names.")

        @Argument(help: "The entity's id.")
        var id: String

        @Flag(help: "Also list every derived key (there can be hundreds).")
        var keys = false

        @OptionGroup var gazetteer: GazetteerOptions

        func run() throws {
            let engine = try gazetteer.loadEngine()
            guard let entity = engine.entities.first(where: { $0.id == id }) else {
                throw CommandFailure("no entity with id \"\(id)\"")
            }
            print("\(entity.id)  (\(entity.origin))")
            print("  name:    \(entity.name)")
            print("  type:    \(entity.type.rawValue)")
            if let given = entity.given { print("  given:   \(given)") }
            if let family = entity.family { print("  family:  \(family)") }
            for alias in entity.aliases { print("  alias:   \(AliasSyntax.format(alias))") }
            for role in entity.roles { print("  role:    \(role)") }
            let derived = engine.keys(of: id)
            print("  keys:    \(derived.count)")
            if keys {
                for k in derived {
                    print("    \(k.key)  [\(k.part)] \(k.systems.map(\.label).joined(separator: " + "))")
                }
            }
        }
    }
}
