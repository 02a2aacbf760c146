/// What kind of thing an entity is.
public enum EntityType: String, Sendable, CaseIterable {
    case person, organization, place, other
}

/// A name by which an entity is known: its text, and where the script does not tell how to say it, a reading.
public struct Alias: Equatable, Sendable {
    /// The name as written, in any script.
    public var text: String
    /// The alias's BCP-47 language tag (`zh`, `ja`, `ko`, `ru`, `uk`…), if known.
    public var lang: String?
    /// The pronunciation where the script does not show it: kana for Japanese kanji names ("はやし よしまさ").
    public var reading: String?
    /// How the alias relates to the entity, e.g. `"variant"` for a real spelling no rule derives.
    public var kind: String?

    /// A Latin alias the curator wants replaced by the canonical name (`kind` `deprecated`, or the older
    /// `variant`): Kiev, Bombay, a common misspelling. Other aliases are accepted names, left as written.
    public var isDeprecated: Bool { kind == "deprecated" || kind == "variant" }

    /// An alias: its text and, where known, its language, reading and kind.
    public init(text: String, lang: String? = nil, reading: String? = nil, kind: String? = nil) {
        self.text = text
        self.lang = lang
        self.reading = reading
        self.kind = kind
    }
}

/// A name that is not an entity, recorded by a curator (`not <id>` in an audit review): this surface, optionally
/// only when one of the `near` words stands in its sentence, is someone or something else.
public struct NegativeName: Equatable, Sendable {
    /// The surface as the text writes it ("Li Wei"); it is compared by its folded key.
    public var text: String
    /// Words that mark the kind of context in which the surface is not the entity ("football", "Hebei"); empty:
    /// in any context.
    public var near: [String]

    /// A negative name: `text`, in any context (`near` empty) or only near those words.
    public init(text: String, near: [String] = []) {
        self.text = text
        self.near = near
    }
}

/// A canonical entity of the gazetteer.
public struct Entity: Equatable, Sendable {
    /// Unique identifier (a Wikidata QID or a slug).
    public var id: String
    /// The canonical display name that normalization writes.
    public var name: String
    /// Person, organization, place or other.
    public var type: EntityType
    /// Other names of the entity, in any script: accepted and deprecated Latin names, native-script names with their readings.
    public var aliases: [Alias]
    /// Given name(s) of a person, if stated.
    public var given: String?
    /// Family name of a person, if stated.
    public var family: String?
    /// Titles the entity held ("United States Trade Representative").
    public var roles: [String]
    /// Where the entity came from: file path and 1-based line.
    public var origin: SourceLocation
    /// The ISO 3166 code of the country a place lies in ("JO"), when the gazetteer says: a place's name in a
    /// script its country does not write (安曼 for Amman) is a transcription, not its own name.
    public var country: String?
    /// Names a curator said are not this entity (the gazetteer's `not` field): normalize does not link them to it.
    public var notNames: [NegativeName]

    /// An entity; only `id` and `name` are required.
    public init(id: String, name: String, type: EntityType = .other, aliases: [Alias] = [], given: String? = nil,
                family: String? = nil, roles: [String] = [], origin: SourceLocation = SourceLocation(file: "", line: 0),
                country: String? = nil, notNames: [NegativeName] = []) {
        self.id = id
        self.name = name
        self.type = type
        self.aliases = aliases
        self.given = given
        self.family = family
        self.roles = roles
        self.origin = origin
        self.country = country
        self.notNames = notNames
    }
}

extension Entity {
    /// This entity with a later definition of the same id laid over it: the later name, type, given and family
    /// names win; aliases, roles and negative names are added (each kept once). So a user gazetteer can extend a built-in entity.
    public func extended(by later: Entity) -> Entity {
        var out = self
        out.name = later.name
        if later.type != .other { out.type = later.type }
        out.given = later.given ?? given
        out.family = later.family ?? family
        out.country = later.country ?? country
        // Sets keep the merge linear: one Wikidata entity can have tens of thousands of aliases.
        var aliasKeys = Set(out.aliases.map { ($0.lang ?? "") + "\u{0}" + $0.text })
        for alias in later.aliases where aliasKeys.insert((alias.lang ?? "") + "\u{0}" + alias.text).inserted {
            out.aliases.append(alias)
        }
        var roles = Set(out.roles)
        for role in later.roles where roles.insert(role).inserted { out.roles.append(role) }
        for negative in later.notNames where !out.notNames.contains(negative) { out.notNames.append(negative) }
        out.origin = later.origin
        return out
    }
}

/// A place in an input file: the file's path (or a label such as `<default>`) and a 1-based line.
public struct SourceLocation: Equatable, Sendable, CustomStringConvertible {
    /// The file's path, or a label such as `<default>/Data/gazetteer/people.jsonl`.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// A location in `file` at `line`.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    /// "file:line".
    public var description: String { "\(file):\(line)" }
}
