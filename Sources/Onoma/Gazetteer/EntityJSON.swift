/// The JSON form of a loaded entity, in the members of a gazetteer line (Data/README.md): `id`, `name`, `type`,
/// `given` and `family` when stated, `aliases` (a plain string, or an object with `text`, `lang`, `reading`,
/// `kind`) and `roles`, `not` when a curator recorded names that are not the entity, then `origin`, the file and line that defined it last. What a tool shows for an entity.
public enum EntityJSON {
    /// One entity as a JSON object. An entity that several files define is shown merged, as the engine uses it.
    public static func object(_ entity: Entity) -> JSONValue {
        var members = [JSONMember(key: "id", value: .string(entity.id)),
                       JSONMember(key: "name", value: .string(entity.name)),
                       JSONMember(key: "type", value: .string(entity.type.rawValue))]
        if let given = entity.given { members.append(JSONMember(key: "given", value: .string(given))) }
        if let family = entity.family { members.append(JSONMember(key: "family", value: .string(family))) }
        members.append(JSONMember(key: "aliases", value: .array(entity.aliases.map(GazetteerDocument.json))))
        members.append(JSONMember(key: "roles", value: .array(entity.roles.map { .string($0) })))
        if !entity.notNames.isEmpty {
            members.append(JSONMember(key: "not", value: .array(entity.notNames.map(GazetteerDocument.json))))
        }
        members.append(JSONMember(key: "origin", value: .object([
            JSONMember(key: "file", value: .string(entity.origin.file)),
            JSONMember(key: "line", value: .number(String(entity.origin.line))),
        ])))
        return .object(members)
    }
}
