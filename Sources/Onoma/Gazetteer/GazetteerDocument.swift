import Foundation

/// Changes to one entity: fields to set and aliases and roles to add. Used by `gazetteer add` and `apply`.
public struct EntityPatch: Sendable {
    /// The entity to change or create.
    public var id: String
    /// The canonical name to set (required to create an entity).
    public var name: String?
    /// The type to set, if any.
    public var type: EntityType?
    /// The given name to set, if any.
    public var given: String?
    /// The family name to set, if any.
    public var family: String?
    /// Aliases to add (an alias already present with the same text and language is not added twice).
    public var aliases: [Alias]
    /// Roles to add (kept once).
    public var roles: [String]
    /// Names that are not this entity, to add (kept once).
    public var notNames: [NegativeName]
    /// Any other fields to set, by name.
    public var extra: [(String, JSONValue)]

    /// A patch of `id`: fields to set (nil: unchanged), and aliases, roles, negative names and other fields to add.
    public init(id: String, name: String? = nil, type: EntityType? = nil, given: String? = nil, family: String? = nil,
                aliases: [Alias] = [], roles: [String] = [], notNames: [NegativeName] = [], extra: [(String, JSONValue)] = []) {
        self.id = id
        self.name = name
        self.type = type
        self.given = given
        self.family = family
        self.aliases = aliases
        self.roles = roles
        self.notNames = notNames
        self.extra = extra
    }
}

/// A gazetteer file held as its lines, so an edit rewrites only the lines of the entities it changes and, within
/// a changed line, keeps every unknown field's bytes as they were.
public struct GazetteerDocument: Sendable {
    /// One line of the file.
    public enum Line: Sendable {
        /// A blank line, kept as written.
        case blank(String)
        /// An entity line: its text, its parsed object and the entity.
        case entity(text: String, object: JSONValue, entity: Entity)
    }

    /// The file's lines, blank and entity, in order.
    public private(set) var lines: [Line]
    /// The file's byte order mark, if it had one ("" otherwise).
    let byteOrderMark: String
    /// The file's line break ("\n", or "\r" for a file of carriage returns only), kept when it is rewritten.
    let lineBreak: String
    /// The path shown in messages.
    public let path: String

    /// Parses a gazetteer file's text. Errors name `path` and the line.
    public init(text: String, path: String) throws(GazetteerError) {
        self.path = path
        var lines = [Line]()
        // A byte order mark is accepted and written back.
        let (mark, body) = TextLines.splitByteOrderMark(text)
        byteOrderMark = mark
        lineBreak = String(TextLines.lineBreak(of: body))
        let parts = TextLines.split(body)
        for (index, raw) in parts.enumerated() {
            let location = SourceLocation(file: path, line: index + 1)
            if TextLines.isBlank(raw) { lines.append(.blank(raw)); continue }
            let object: JSONValue
            do { object = try JSONParser.parse(raw) } catch {
                throw GazetteerError(location: location, message: "not valid JSON: \(error)")
            }
            lines.append(.entity(text: raw, object: object, entity: try GazetteerLoader.entity(from: object, at: location)))
        }
        self.lines = lines
    }

    /// The entities in file order.
    public var entities: [Entity] {
        lines.compactMap { if case .entity(_, _, let e) = $0 { return e } else { return nil } }
    }

    /// The entity with `id`, if the file has it.
    public func entity(id: String) -> Entity? { entities.first { $0.id == id } }

    /// The file's text after the edits.
    public var text: String {
        let body = lines.map { line -> String in
            switch line {
            case .blank(let raw): return raw
            case .entity(let raw, _, _): return raw
            }
        }.joined(separator: lineBreak)
        return lines.isEmpty ? "" : byteOrderMark + body + lineBreak
    }

    /// Creates the entity or extends the existing one with the same id. Returns true if it was created.
    @discardableResult
    public mutating func apply(_ patch: EntityPatch) throws(GazetteerError) -> Bool {
        if let index = lines.firstIndex(where: { if case .entity(_, _, let e) = $0 { return e.id == patch.id } else { return false } }),
           case .entity(let raw, let object, let entity) = lines[index] {
            let updated = Self.merge(patch, into: object, existing: entity, raw: raw)
            let location = SourceLocation(file: path, line: index + 1)
            let parsed: JSONValue
            do { parsed = try JSONParser.parse(updated) } catch {
                throw GazetteerError(location: location, message: "internal error: edited line is not JSON: \(error)")
            }
            lines[index] = .entity(text: updated, object: parsed, entity: try GazetteerLoader.entity(from: parsed, at: location))
            return false
        }
        guard let name = patch.name else {
            throw GazetteerError(location: SourceLocation(file: path, line: lines.count + 1),
                                 message: "entity \"\(patch.id)\" does not exist yet: a new entity needs a name")
        }
        var members: [JSONMember] = [JSONMember(key: "id", value: .string(patch.id)), JSONMember(key: "name", value: .string(name))]
        if let type = patch.type { members.append(JSONMember(key: "type", value: .string(type.rawValue))) }
        if let given = patch.given { members.append(JSONMember(key: "given", value: .string(given))) }
        if let family = patch.family { members.append(JSONMember(key: "family", value: .string(family))) }
        if !patch.aliases.isEmpty { members.append(JSONMember(key: "aliases", value: .array(Self.unique(patch.aliases).map(Self.json)))) }
        if !patch.roles.isEmpty { members.append(JSONMember(key: "roles", value: .array(Self.uniqueStrings(patch.roles).map { .string($0) }))) }
        if !patch.notNames.isEmpty { members.append(JSONMember(key: "not", value: .array(Self.unique(patch.notNames).map(Self.json)))) }
        for (key, value) in patch.extra where !members.contains(where: { $0.key == key }) {
            members.append(JSONMember(key: key, value: value))
        }
        let raw = Self.write(members.map { ($0.key, JSONWriter.serialize($0.value)) })
        let location = SourceLocation(file: path, line: lines.count + 1)
        let object: JSONValue
        do { object = try JSONParser.parse(raw) } catch {
            throw GazetteerError(location: location, message: "internal error: new line is not JSON: \(error)")
        }
        lines.append(.entity(text: raw, object: object, entity: try GazetteerLoader.entity(from: object, at: location)))
        return true
    }

    /// Removes the entity with `id`. Returns false if there is none.
    @discardableResult
    public mutating func remove(id: String) -> Bool {
        let before = lines.count
        lines.removeAll { if case .entity(_, _, let e) = $0 { return e.id == id } else { return false } }
        return lines.count != before
    }

    // MARK: Serialization that keeps untouched members' bytes

    private static func merge(_ patch: EntityPatch, into object: JSONValue, existing: Entity, raw: String) -> String {
        guard case .object(let members) = object else { return raw }
        let bytes = Array(raw.utf8)
        var out: [(String, String)] = members.map { ($0.key, String(decoding: bytes[$0.valueRange], as: UTF8.self)) }
        func set(_ key: String, _ value: JSONValue) {
            let text = JSONWriter.serialize(value)
            if let i = out.firstIndex(where: { $0.0 == key }) { out[i].1 = text } else { out.append((key, text)) }
        }
        if let name = patch.name { set("name", .string(name)) }
        if let type = patch.type { set("type", .string(type.rawValue)) }
        if let given = patch.given { set("given", .string(given)) }
        if let family = patch.family { set("family", .string(family)) }
        let known = Set(existing.aliases.map(aliasKey))
        let newAliases = patch.aliases.filter { !known.contains(aliasKey($0)) }
        if !newAliases.isEmpty {
            var items: [JSONValue] = []
            if case .array(let old)? = object["aliases"] { items = old }
            set("aliases", .array(items + unique(newAliases).map(json)))
        }
        let knownRoles = Set(existing.roles)
        let newRoles = uniqueStrings(patch.roles).filter { !knownRoles.contains($0) }
        if !newRoles.isEmpty {
            var items: [JSONValue] = []
            if case .array(let old)? = object["roles"] { items = old }
            set("roles", .array(items + newRoles.map { .string($0) }))
        }
        let newNegatives = unique(patch.notNames).filter { !existing.notNames.contains($0) }
        if !newNegatives.isEmpty {
            var items: [JSONValue] = []
            if case .array(let old)? = object["not"] { items = old }
            set("not", .array(items + newNegatives.map(json)))
        }
        for (key, value) in patch.extra where key != "id" { set(key, value) }
        return write(out)
    }

    private static func write(_ members: [(String, String)]) -> String {
        "{" + members.map { JSONWriter.quote($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    static func json(_ alias: Alias) -> JSONValue {
        if alias.lang == nil && alias.reading == nil && alias.kind == nil { return .string(alias.text) }
        var members = [JSONMember(key: "text", value: .string(alias.text))]
        if let lang = alias.lang { members.append(JSONMember(key: "lang", value: .string(lang))) }
        if let reading = alias.reading { members.append(JSONMember(key: "reading", value: .string(reading))) }
        if let kind = alias.kind { members.append(JSONMember(key: "kind", value: .string(kind))) }
        return .object(members)
    }

    static func json(_ negative: NegativeName) -> JSONValue {
        if negative.near.isEmpty { return .string(negative.text) }
        return .object([JSONMember(key: "text", value: .string(negative.text)),
                        JSONMember(key: "near", value: .array(negative.near.map { .string($0) }))])
    }

    private static func unique(_ negatives: [NegativeName]) -> [NegativeName] {
        var seen = [NegativeName]()
        for negative in negatives where !seen.contains(negative) { seen.append(negative) }
        return seen
    }

    /// An alias's identity for merging: its text and language (a Set of these keeps merges linear).
    private static func aliasKey(_ alias: Alias) -> String { (alias.lang ?? "") + "\u{0}" + alias.text }

    private static func unique(_ aliases: [Alias]) -> [Alias] {
        var seen = Set<String>()
        return aliases.filter { seen.insert(aliasKey($0)).inserted }
    }

    private static func uniqueStrings(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}

extension EntityPatch {
    /// A patch that carries everything a parsed JSONL entity line says, unknown fields included.
    public init(entity value: JSONValue, at location: SourceLocation) throws(GazetteerError) {
        let entity = try GazetteerLoader.entity(from: value, at: location)
        self.init(id: entity.id, name: entity.name, type: value["type"] == nil ? nil : entity.type,
                  given: entity.given, family: entity.family, aliases: entity.aliases, roles: entity.roles,
                  notNames: entity.notNames)
        if case .object(let members) = value {
            let known: Set<String> = ["id", "name", "type", "given", "family", "aliases", "roles", "not"]
            extra = members.filter { !known.contains($0.key) }.map { ($0.key, $0.value) }
        }
    }
}

/// Where gazetteers live on disk.
public enum GazetteerLocations {
    /// The user gazetteer: `$XDG_DATA_HOME/onoma/gazetteer.jsonl`, or `~/.local/share/onoma/gazetteer.jsonl`.
    public static func userGazetteer(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/onoma/gazetteer.jsonl" }
        let home = environment["HOME"] ?? "."
        return home + "/.local/share/onoma/gazetteer.jsonl"
    }

    /// The user stoplist (phrases marked `ignore` in audit reviews), beside the user gazetteer: `stoplist.txt`.
    public static func userStoplist(environment: [String: String]) -> String {
        (userGazetteer(environment: environment) as NSString).deletingLastPathComponent + "/stoplist.txt"
    }
}
