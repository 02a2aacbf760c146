import Foundation

/// CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) and TSV (tab-separated, no quoting)
/// for gazetteer import and export.
package enum DelimitedText {
    /// A row that could not be parsed.
    package struct ParseError: Error, CustomStringConvertible, Sendable {
        package let line: Int
        package let message: String
        package var description: String { "line \(line): \(message)" }
    }

    /// Parses rows; each row carries the 1-based line it starts on.
    package static func parse(_ text: String, separator: Character) throws(ParseError) -> [(line: Int, fields: [String])] {
        let text = TextLines.splitByteOrderMark(text).rest // Excel writes one
        var rows = [(line: Int, fields: [String])]()
        var fields = [String]()
        var field = ""
        var inQuotes = false
        var line = 1, rowLine = 1
        var atFieldStart = true
        let quoting = separator == ","
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let after = next() {
                        if after == "\"" { field.append("\"") } else { inQuotes = false; pending = after }
                    } else { inQuotes = false }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            if quoting && c == "\"" && atFieldStart { inQuotes = true; atFieldStart = false; continue }
            if c == separator { fields.append(field); field = ""; atFieldStart = true; continue }
            if c == "\n" || c == "\r\n" || c == "\r" {
                fields.append(field)
                if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowLine, fields)) }
                fields = []; field = ""; atFieldStart = true
                line += 1; rowLine = line
                continue
            }
            field.append(c)
            atFieldStart = false
        }
        if inQuotes { throw ParseError(line: rowLine, message: "unterminated quoted field") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append((rowLine, fields))
        }
        return rows
    }

    /// Writes one row.
    package static func row(_ fields: [String], separator: Character) -> String {
        fields.map { field in
            if separator == "\t" {
                return String(field.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
            }
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return field
        }.joined(separator: String(separator)) + "\n"
    }
}
