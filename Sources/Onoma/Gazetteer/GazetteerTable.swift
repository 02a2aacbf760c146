/// Gazetteer entities as CSV/TSV rows with a header. Columns: `id`, `name` (required), `type`, `given`,
/// `family`, `aliases` (alias syntax, separated by ` | `), `roles` (separated by ` | `); any other column becomes
/// a string field of the entity.
package enum GazetteerTable {
    package static let standardColumns = ["id", "name", "type", "given", "family", "aliases", "roles"]

    /// Patches built from a table. Errors name the line.
    package static func patches(from text: String, separator: Character) throws(DelimitedText.ParseError) -> [(line: Int, patch: EntityPatch)] {
        let rows = try DelimitedText.parse(text, separator: separator)
        guard let header = rows.first else { return [] }
        let columns = header.fields.map { $0.trimmed.lowercased() }
        guard let idColumn = columns.firstIndex(of: "id") else {
            throw DelimitedText.ParseError(line: header.line, message: "the header has no \"id\" column")
        }
        var out = [(line: Int, patch: EntityPatch)]()
        for row in rows.dropFirst() {
            func value(_ name: String) -> String? {
                guard let i = columns.firstIndex(of: name), i < row.fields.count else { return nil }
                let v = row.fields[i].trimmed
                return v.isEmpty ? nil : v
            }
            guard idColumn < row.fields.count, !row.fields[idColumn].trimmed.isEmpty else {
                throw DelimitedText.ParseError(line: row.line, message: "missing id")
            }
            var type: EntityType?
            if let t = value("type") {
                guard let parsed = EntityType(rawValue: t) else {
                    throw DelimitedText.ParseError(line: row.line, message: "unknown type \"\(t)\" (person, organization, place or other)")
                }
                type = parsed
            }
            var patch = EntityPatch(id: row.fields[idColumn].trimmed, name: value("name"), type: type,
                                    given: value("given"), family: value("family"))
            patch.aliases = split(value("aliases")).compactMap(AliasSyntax.parse)
            patch.roles = split(value("roles"))
            for (i, column) in columns.enumerated() where !standardColumns.contains(column) && !column.isEmpty {
                if i < row.fields.count, !row.fields[i].trimmed.isEmpty { patch.extra.append((column, .string(row.fields[i].trimmed))) }
            }
            out.append((row.line, patch))
        }
        return out
    }

    /// The entities as a table with the standard columns.
    package static func text(of entities: [Entity], separator: Character) -> String {
        var out = DelimitedText.row(standardColumns, separator: separator)
        for e in entities {
            out += DelimitedText.row([e.id, e.name, e.type.rawValue, e.given ?? "", e.family ?? "",
                                      e.aliases.map(AliasSyntax.format).joined(separator: " | "),
                                      e.roles.joined(separator: " | ")], separator: separator)
        }
        return out
    }

    private static func split(_ cell: String?) -> [String] {
        guard let cell else { return [] }
        return cell.split(separator: "|").map { $0.trimmed }.filter { !$0.isEmpty }
    }
}
