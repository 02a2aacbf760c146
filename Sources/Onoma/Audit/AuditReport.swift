import Foundation

/// Writes audit rows as a terminal table, JSON Lines (the review format `gazetteer apply` reads), CSV, TSV, or a
/// self-contained HTML page.
public enum AuditReport {
    /// Output formats.
    public enum Format: String, CaseIterable, Sendable { case table, jsonl, csv, tsv, html }

    /// The rows in `format`; `color` marks the names in the terminal table with ANSI colors.
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
        let types = EntityType.allCases.map(\.rawValue)
        var body = ""
        for (i, row) in rows.enumerated() {
            let review = json(row)
            let surfaces = row.surfaces.map { "<span class=\"surface\">\(escape($0.surface))</span> <span class=\"count\">×\($0.count)</span>" }
                .joined(separator: "<br>")
            let contexts = row.contexts.map { c in
                "<div class=\"context\"><span class=\"where\">\(escape(c.file)):\(c.line)</span> \(escape(c.before))<mark>\(escape(c.surface))</mark>\(escape(c.after))</div>"
            }.joined()
            func choice(_ value: String, _ label: String, title: String? = nil) -> String {
                "<label\(title.map { " title=\"\(escape($0))\"" } ?? "")><input type=\"radio\" name=\"r\(i)\" value=\"\(escape(value))\"\(value.isEmpty ? " checked" : "")> \(label)</label>"
            }
            var choices = choice("", "undecided")
            for s in row.suggestions {
                choices += choice("alias-of \(s.id)", "alias of <b>\(escape(s.name))</b> <span class=\"score\">\(scoreText(s.score))</span><br><small>\(escape(s.reason))</small>", title: s.reason)
                choices += choice("not \(s.id)", "not \(escape(s.name)) <small>(\(escape(s.id)))</small>")
            }
            choices += choice("alias-of", "alias of another entity: <input class=\"other\" list=\"ids\" placeholder=\"entity id\" aria-label=\"entity id\">")
            choices += choice("new", "new entity")
            choices += choice("ignore", "ignore (not a name)")
            let name = review["name"]?.stringValue ?? row.key
            let guessed = review["type"]?.stringValue ?? "other"
            let options = types.map { "<option\($0 == guessed ? " selected" : "")>\($0)</option>" }.joined()
            let fields = """
                <div class="fields new-fields"><label>name <input class="name" value="\(escape(name))"></label> \
                <label>type <select class="type">\(options)</select></label> \
                <label>id <input class="id" placeholder="\(escape(KeyFolding.tokens(name).joined(separator: "-")))"></label><br>\
                <label>given <input class="given"></label> <label>family <input class="family"></label><br>\
                <label>aliases, one a line: <small>text (lang) or text (ja: reading)</small><br>\
                <textarea class="aliases" rows="2" placeholder="佐尔宾·奎洛克 (zh)"></textarea></label></div>\
                <div class="fields not-fields"><label>only near these words <input class="near" placeholder="football, striker"></label></div>
                """
            let status = row.statuses.first?.rawValue ?? ""
            body += """
                <tr class="row" data-index="\(i)" data-status="\(status)">
                <td class="num">\(i + 1)</td><td>\(surfaces)</td><td class="num">\(row.occurrences)</td><td class="num">\(row.documents)</td>
                <td class="status \(status)">\(status)</td>
                <td>\(contexts)</td><td class="choices">\(choices)\(fields)</td>
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
            .choices > label { display: block; margin-bottom: 4px; cursor: pointer; }
            .fields { display: none; margin: 6px 0 2px 1.4em; padding: 6px; background: #f7f7f7; border-radius: 4px; }
            .fields label { display: inline-block; margin: 2px 6px 2px 0; }
            tr.new .new-fields, tr.not .not-fields { display: block; }
            tr.decided { background: #f3faf3; }
            .status.ambiguous { color: #b35c00; } .status.unresolved { color: #555; }
            .score { color: #2a6; }
            #bar { margin: 1em 0; position: sticky; top: 0; background: #fff; padding: 6px 0; z-index: 1; }
            #bar input[type=search] { width: 18em; }
            </style>
            </head>
            <body>
            <h1>Onoma audit: \(rows.count) name\(rows.count == 1 ? "" : "s") the gazetteer does not resolve</h1>
            <p>Rows are sorted by how many mentions fixing them would fix. Choose an action for each row (a new entity's name,
            type and native-script names can be edited; "alias of another entity" takes any id, including a new row's), then
            download the review and run <code>onoma gazetteer apply review.jsonl</code>. Decisions are kept in this browser
            until you clear them.</p>
            <div id="bar"><input id="search" type="search" placeholder="search names, contexts, suggestions" aria-label="search">
            <select id="status-filter" aria-label="status"><option value="">every status</option><option>unresolved</option><option>ambiguous</option></select>
            <select id="decided-filter" aria-label="decided"><option value="">every row</option><option value="undecided">undecided</option><option value="decided">decided</option></select>
            <button id="download">Download review (JSONL)</button> <button id="clear">Clear saved decisions</button>
            <span id="summary"></span></div>
            <datalist id="ids"></datalist>
            <table id="audit">
            <thead><tr><th>#</th><th>name</th><th>count</th><th>docs</th><th>status</th><th>contexts</th><th>action</th></tr></thead>
            <tbody>
            \(body)</tbody>
            </table>
            <script type="application/json" id="rows">[
            \(data)
            ]</script>
            <script>
            \(script)
            </script>
            </body>
            </html>

            """
    }

    /// The review page's script: decisions and edits per row, kept in local storage under a key made from the rows;
    /// search and filters; the review file the curator downloads (`reviewLines()`, also what the browser test reads).
    static let script = #"""
        const rows = JSON.parse(document.getElementById('rows').textContent);
        const trs = Array.from(document.querySelectorAll('tr.row'));
        const storageKey = 'onoma-review:' + rows.map(r => r.key).join('|').split('').reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7).toString(36);
        const fieldNames = ['other', 'name', 'type', 'id', 'given', 'family', 'aliases', 'near'];
        function field(tr, name) { return tr.querySelector('.' + name); }
        function chosen(tr) { const c = tr.querySelector('input[type=radio]:checked'); return c ? c.value : ''; }
        function slug(name) {
          return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join('-');
        }
        function newID(tr) { return field(tr, 'id').value.trim() || slug(field(tr, 'name').value); }
        function action(tr) {
          const value = chosen(tr);
          if (value === 'alias-of') { const id = field(tr, 'other').value.trim(); return id ? 'alias-of ' + id : ''; }
          return value;
        }
        function parseAliases(text) {
          return text.split('\n').map(line => line.trim()).filter(Boolean).map(line => {
            const m = line.match(/^(.*?)\s*\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)(?::\s*([^)]*))?\)$/);
            if (!m) return line;
            const alias = { text: m[1], lang: m[2] };
            if (m[3] && m[3].trim()) alias.reading = m[3].trim();
            return alias;
          });
        }
        function reviewRow(i) {
          const tr = trs[i], out = Object.assign({}, rows[i], { action: action(tr) });
          if (out.action === 'new') {
            out.name = field(tr, 'name').value.trim() || rows[i].name;
            out.type = field(tr, 'type').value;
            if (field(tr, 'id').value.trim()) out.id = field(tr, 'id').value.trim();
            for (const f of ['given', 'family']) if (field(tr, f).value.trim()) out[f] = field(tr, f).value.trim();
            const aliases = parseAliases(field(tr, 'aliases').value);
            if (aliases.length) out.aliases = aliases;
          } else if (out.action.startsWith('not ')) {
            const near = field(tr, 'near').value.split(',').map(w => w.trim()).filter(Boolean);
            if (near.length) out.near = near;
          }
          return out;
        }
        function reviewLines() { return rows.map((_, i) => JSON.stringify(reviewRow(i))).join('\n') + '\n'; }
        window.reviewLines = reviewLines;
        function save() {
          const state = trs.map(tr => {
            const s = { choice: chosen(tr) };
            for (const f of fieldNames) s[f] = field(tr, f).value;
            return s;
          });
          try { localStorage.setItem(storageKey, JSON.stringify(state)); } catch (e) { /* storage full or disabled */ }
        }
        function restore() {
          let state = null;
          try { state = JSON.parse(localStorage.getItem(storageKey) || 'null'); } catch (e) { state = null; }
          if (!Array.isArray(state) || state.length !== trs.length) return;
          state.forEach((s, i) => {
            const tr = trs[i];
            for (const f of fieldNames) if (typeof s[f] === 'string') field(tr, f).value = s[f];
            const radio = Array.from(tr.querySelectorAll('input[type=radio]')).find(r => r.value === s.choice);
            if (radio) radio.checked = true;
          });
        }
        function refresh() {
          const ids = new Set();
          rows.forEach(r => r.suggestions.forEach(s => ids.add(s.id)));
          trs.forEach(tr => { if (chosen(tr) === 'new') ids.add(newID(tr)); });
          const list = document.getElementById('ids');
          list.replaceChildren(...Array.from(ids).sort().map(id => { const o = document.createElement('option'); o.value = id; return o; }));
          const q = document.getElementById('search').value.trim().toLowerCase();
          const status = document.getElementById('status-filter').value;
          const decided = document.getElementById('decided-filter').value;
          let n = 0, shown = 0;
          trs.forEach((tr, i) => {
            const a = action(tr), value = chosen(tr);
            tr.classList.toggle('decided', a !== '');
            tr.classList.toggle('new', value === 'new');
            tr.classList.toggle('not', value.startsWith('not '));
            if (a !== '') n++;
            const visible = (!q || tr.textContent.toLowerCase().includes(q) || field(tr, 'name').value.toLowerCase().includes(q))
              && (!status || tr.dataset.status === status)
              && (!decided || (decided === 'decided') === (a !== ''));
            tr.hidden = !visible;
            if (visible) shown++;
          });
          document.getElementById('summary').textContent = n + ' of ' + rows.length + ' rows decided'
            + (shown < rows.length ? ', ' + shown + ' shown' : '');
        }
        function changed() { save(); refresh(); }
        restore();
        document.querySelectorAll('#audit input, #audit select, #audit textarea').forEach(e => {
          e.addEventListener('input', changed);
          e.addEventListener('change', changed);
        });
        // Typing an id for "alias of another entity" chooses that action.
        document.querySelectorAll('input.other').forEach(e => e.addEventListener('input', () => {
          e.closest('label').querySelector('input[type=radio]').checked = true; changed();
        }));
        for (const id of ['search', 'status-filter', 'decided-filter']) document.getElementById(id).addEventListener('input', refresh);
        document.getElementById('clear').addEventListener('click', () => { localStorage.removeItem(storageKey); location.reload(); });
        document.getElementById('download').addEventListener('click', () => {
          const a = document.createElement('a');
          a.href = URL.createObjectURL(new Blob([reviewLines()], { type: 'application/x-ndjson' }));
          a.download = 'review.jsonl';
          a.click();
        });
        refresh();
        """#
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
