import Foundation

/// Writes audit rows as a terminal table, JSON Lines (the review format `gazetteer apply` reads), CSV, TSV, or a
/// self-contained HTML page.
public enum AuditReport {
    /// Output formats.
    public enum Format: String, CaseIterable, Sendable { case table, jsonl, csv, tsv, html }

    public static func render(_ rows: [AuditRow], format: Format, color: Bool = false) -> String {
        switch format {
        case .table: return table(rows, color: color)
        case .jsonl: return rows.map { JSONWriter.serialize(json($0)) + "\n" }.joined()
        case .csv: return delimited(rows, separator: ",")
        case .tsv: return delimited(rows, separator: "\t")
        case .html: return html(rows)
        }
    }

    // MARK: JSON Lines

    /// One row as the review format: the curator fills `action` with `alias-of <id>`, `new` or `ignore`
    /// (for `new`, `name` and `type` may be edited too).
    public static func json(_ row: AuditRow) -> JSONValue {
        func m(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }
        return .object([
            m("key", .string(row.key)),
            m("surfaces", .array(row.surfaces.map { .object([m("surface", .string($0.surface)), m("count", .number(String($0.count)))]) })),
            m("occurrences", .number(String(row.occurrences))),
            m("documents", .number(String(row.documents))),
            m("status", .string(row.statuses.first?.rawValue ?? "unresolved")),
            m("contexts", .array(row.contexts.map { c in
                .object([m("file", .string(c.file)), m("line", .number(String(c.line))),
                         m("before", .string(c.before)), m("surface", .string(c.surface)), m("after", .string(c.after))])
            })),
            m("suggestions", .array(row.suggestions.map { s in
                .object([m("id", .string(s.id)), m("name", .string(s.name)), m("score", MentionJSON.score(s.score)),
                         m("reason", .string(s.reason))])
            })),
            m("name", .string(row.surfaces.first?.surface ?? row.key)),
            // A guess for `new`: several capitalized words read as a person's name; one word could be anything.
            m("type", .string((row.surfaces.first?.surface.split(separator: " ").count ?? 1) >= 2 ? "person" : "other")),
            m("action", .string("")),
        ])
    }

    // MARK: CSV / TSV

    static func delimited(_ rows: [AuditRow], separator: Character) -> String {
        var out = DelimitedText.row(["key", "surfaces", "occurrences", "documents", "status", "context", "suggestions", "action"], separator: separator)
        for row in rows {
            let context = row.contexts.first.map { "\($0.file):\($0.line): \($0.before)[\($0.surface)]\($0.after)" } ?? ""
            out += DelimitedText.row([
                row.key,
                row.surfaces.map { "\($0.surface) (\($0.count))" }.joined(separator: " | "),
                String(row.occurrences), String(row.documents), row.statuses.first?.rawValue ?? "",
                context,
                row.suggestions.map { "\($0.id) \($0.name) \(scoreText($0.score))" }.joined(separator: " | "),
                "",
            ].map(inertInSpreadsheets), separator: separator)
        }
        return out
    }

    /// A field a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return, as a
    /// file name in the context column can) gets a leading apostrophe, which spreadsheets show as text.
    static func inertInSpreadsheets(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        return "'" + field
    }

    // MARK: Terminal table

    static func table(_ rows: [AuditRow], color: Bool) -> String {
        if rows.isEmpty { return "No unresolved or ambiguous names.\n" }
        let mark = color ? "\u{1B}[1;33m" : "[", unmark = color ? "\u{1B}[0m" : "]"
        let dim = color ? "\u{1B}[2m" : "", undim = color ? "\u{1B}[0m" : ""
        var out = "  #  count  docs  status      name\n"
        for (i, row) in rows.enumerated() {
            let surfaces = row.surfaces.map { $0.count > 1 || row.surfaces.count > 1 ? "\($0.surface) ×\($0.count)" : $0.surface }
            out += pad(String(i + 1), 3) + "  " + pad(String(row.occurrences), 5) + "  " + pad(String(row.documents), 4) + "  "
                + (row.statuses.first?.rawValue ?? "").padding(10) + "  " + surfaces.joined(separator: ", ") + "\n"
            for c in row.contexts {
                out += "      \(dim)\(c.file):\(c.line):\(undim) \(c.before)\(mark)\(c.surface)\(unmark)\(c.after)\n"
            }
            for s in row.suggestions {
                out += "      → \(s.name) (\(s.id)) \(scoreText(s.score)): \(s.reason)\n"
            }
        }
        return out
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }

    static func scoreText(_ value: Float) -> String { String(Double((value * 100).rounded()) / 100) }

    // MARK: HTML

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static func html(_ rows: [AuditRow]) -> String {
        var body = ""
        for (i, row) in rows.enumerated() {
            let surfaces = row.surfaces.map { "<span class=\"surface\">\(escape($0.surface))</span> <span class=\"count\">×\($0.count)</span>" }
                .joined(separator: "<br>")
            let contexts = row.contexts.map { c in
                "<div class=\"context\"><span class=\"where\">\(escape(c.file)):\(c.line)</span> \(escape(c.before))<mark>\(escape(c.surface))</mark>\(escape(c.after))</div>"
            }.joined()
            var choices = "<label><input type=\"radio\" name=\"r\(i)\" value=\"\" checked> undecided</label>"
            for s in row.suggestions {
                choices += "<label title=\"\(escape(s.reason))\"><input type=\"radio\" name=\"r\(i)\" value=\"alias-of \(escape(s.id))\"> alias of <b>\(escape(s.name))</b> <span class=\"score\">\(scoreText(s.score))</span><br><small>\(escape(s.reason))</small></label>"
            }
            choices += "<label><input type=\"radio\" name=\"r\(i)\" value=\"new\"> new entity</label>"
            choices += "<label><input type=\"radio\" name=\"r\(i)\" value=\"ignore\"> ignore (not a name)</label>"
            body += """
                <tr class="row" data-index="\(i)">
                <td class="num">\(i + 1)</td><td>\(surfaces)</td><td class="num">\(row.occurrences)</td><td class="num">\(row.documents)</td>
                <td class="status \(row.statuses.first?.rawValue ?? "")">\(row.statuses.first?.rawValue ?? "")</td>
                <td>\(contexts)</td><td class="choices">\(choices)</td>
                </tr>

                """
        }
        // Inside a script element "<!--" and "<script" change how the HTML parser reads on, and "</script" ends
        // it: every "<" in the data is written as the JSON escape \u003c, which JSON.parse reads back as "<".
        let data = rows.map { JSONWriter.serialize(json($0)) }.joined(separator: ",\n")
            .replacingOccurrences(of: "<", with: "\\u003c")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Onoma audit: \(rows.count) names to review</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
            h1 { font-size: 1.4em; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border-bottom: 1px solid #ddd; padding: 6px 8px; vertical-align: top; text-align: left; }
            th { background: #f4f4f4; position: sticky; top: 0; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            .surface { font-weight: 600; }
            .count, .where, small { color: #777; }
            mark { background: #ffe066; padding: 0 2px; }
            .context { margin-bottom: 4px; }
            .choices label { display: block; margin-bottom: 4px; cursor: pointer; }
            .status.ambiguous { color: #b35c00; } .status.unresolved { color: #555; }
            .score { color: #2a6; }
            #bar { margin: 1em 0; }
            </style>
            </head>
            <body>
            <h1>Onoma audit: \(rows.count) name\(rows.count == 1 ? "" : "s") the gazetteer does not resolve</h1>
            <p>Rows are sorted by how many mentions fixing them would fix. Choose an action for each row, then download the
            review and run <code>onoma gazetteer apply review.jsonl</code>.</p>
            <div id="bar"><button id="download">Download review (JSONL)</button> <span id="summary"></span></div>
            <table id="audit">
            <thead><tr><th>#</th><th>name</th><th>count</th><th>docs</th><th>status</th><th>contexts</th><th>action</th></tr></thead>
            <tbody>
            \(body)</tbody>
            </table>
            <script type="application/json" id="rows">[
            \(data)
            ]</script>
            <script>
            const rows = JSON.parse(document.getElementById('rows').textContent);
            function chosen(i) { const c = document.querySelector('input[name="r' + i + '"]:checked'); return c ? c.value : ''; }
            function update() {
              const n = rows.filter((_, i) => chosen(i) !== '').length;
              document.getElementById('summary').textContent = n + ' of ' + rows.length + ' rows decided';
            }
            document.querySelectorAll('input[type=radio]').forEach(r => r.addEventListener('change', update));
            document.getElementById('download').addEventListener('click', () => {
              const lines = rows.map((row, i) => JSON.stringify(Object.assign({}, row, { action: chosen(i) }))).join('\\n') + '\\n';
              const a = document.createElement('a');
              a.href = URL.createObjectURL(new Blob([lines], { type: 'application/x-ndjson' }));
              a.download = 'review.jsonl';
              a.click();
            });
            update();
            </script>
            </body>
            </html>

            """
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
