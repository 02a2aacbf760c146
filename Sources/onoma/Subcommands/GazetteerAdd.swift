import ArgumentParser
import Onoma

extension OnomaCommand {
    /// `onoma gazetteer add`: create an entity or extend the one with the same id.
    struct GazetteerAdd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Create an entity, or extend the existing one with the same id.",
            discussion: """
                Aliases are written TEXT[@LANG][=READING][#KIND]:
                  --alias '戴琪@zh'                       a Chinese alias
                  --alias '林芳正@ja=はやし よしまさ'       Japanese kanji with its kana reading (family name first)
                  --alias '박진@ko'                       a Korean alias in Hangul
                  --alias Raymondo                        a plain English variant
                  --alias 'Kiev@en#variant'              a real variant no rule derives (here, a former name)

                Examples:
                  onoma gazetteer add --id katherine-tai --name "Katherine Tai" --type person \\
                      --given Katherine --family Tai --alias '戴琪@zh' --role "United States Trade Representative"
                  onoma gazetteer add --id katherine-tai --alias 'Tai Qi'          (extends the entity)
                  onoma gazetteer add --id Q123 --name "Example Org" --type organization --field source=wikidata
                """
        )

        @Option(help: "The entity's id (a Wikidata QID or a slug).")
        var id: String

        @Option(help: "Canonical display name (required for a new entity).")
        var name: String?

        @Option(help: "person, organization, place or other.")
        var type: String?

        @Option(help: "Given name(s) of a person, as written in the name.")
        var given: String?

        @Option(help: "Family name of a person, as written in the name.")
        var family: String?

        @Option(name: .customLong("alias"), help: ArgumentHelp("An alias: TEXT[@LANG][=READING][#KIND] (repeatable).", valueName: "alias"))
        var aliases: [String] = []

        @Option(name: .customLong("role"), help: ArgumentHelp("A title the entity held (repeatable).", valueName: "title"))
        var roles: [String] = []

        @Option(name: .customLong("field"), help: ArgumentHelp("Any other field, KEY=VALUE (a string; repeatable).", valueName: "key=value"))
        var fields: [String] = []

        @OptionGroup var gazetteer: GazetteerOptions
        @OptionGroup var lock: LockOptions

        func validate() throws {
            if id.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--id must not be empty") }
            if let type, EntityType(rawValue: type) == nil {
                throw ValidationError("--type must be person, organization, place or other")
            }
            for alias in aliases {
                if AliasSyntax.parse(alias) == nil { throw ValidationError("--alias \"\(alias)\" has no text") }
            }
            for field in fields {
                guard let eq = field.firstIndex(of: "="), eq != field.startIndex else {
                    throw ValidationError("--field \"\(field)\" must be KEY=VALUE")
                }
                let key = String(field[..<eq])
                if ["id", "name", "type", "given", "family", "aliases", "roles"].contains(key) {
                    throw ValidationError("--field \(key)=… : use --\(key == "aliases" ? "alias" : key == "roles" ? "role" : key)")
                }
            }
        }

        func run() throws {
            var patch = EntityPatch(id: id, name: name, type: type.flatMap(EntityType.init(rawValue:)), given: given, family: family)
            patch.aliases = aliases.compactMap(AliasSyntax.parse)
            patch.roles = roles
            patch.extra = fields.map { field in
                let eq = field.firstIndex(of: "=")!
                return (String(field[..<eq]), JSONValue.string(String(field[field.index(after: eq)...])))
            }
            let path = try gazetteer.writableGazetteer()
            let (created, _) = try GazetteerWriting.apply([patch], to: path, lock: lock)
            print("\(created == 1 ? "added" : "extended") \(id) in \(path)")
        }
    }
}
