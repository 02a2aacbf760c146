import CZlib

/// Settings of a Wikidata import.
package struct WikidataImportOptions: Sendable {
    /// Languages whose labels and aliases become aliases (Wikidata language codes).
    package var languages: [String] = ["en", "zh", "zh-hans", "zh-hant", "ja", "ko", "ru", "uk", "ar", "he"]
    /// Class QID -> type, for the values of "instance of" (P31).
    package var typeMap: [String: EntityType]
    /// The longest line a dump may have: Wikidata's largest entities are a few megabytes; a longer line is a broken
    /// or hostile file (a gzip bomb of one line), and holding it would take memory without bound.
    package var maximumLineBytes = 64 << 20

    /// The default class table (Data/wikidata/types.tsv).
    package init(typeMap: [String: EntityType]? = nil) {
        self.typeMap = typeMap ?? (try? Self.parseTypeMap(BuiltinData.files["wikidata/types.tsv"] ?? "")) ?? [:]
    }

    /// Parses a class table: QID, tab, type (tab and label optional). Errors name the line.
    package static func parseTypeMap(_ text: String) throws(JSONLInputError) -> [String: EntityType] {
        var map = [String: EntityType]()
        for (index, line) in TextLines.split(text).enumerated() {
            let trimmed = line.trimmed
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: "\t")
            guard fields.count >= 2, fields[0].hasPrefix("Q"), let type = EntityType(rawValue: String(fields[1]).trimmed) else {
                throw JSONLInputError(line: index + 1, message: "expected QID<TAB>person|organization|place|other")
            }
            map[String(fields[0])] = type
        }
        return map
    }
}

/// What an import read, kept and skipped.
package struct WikidataImportReport: Sendable {
    package var linesRead = 0
    package var entitiesRead = 0
    package var kept = 0
    /// Reason -> count.
    package var skipped: [String: Int] = [:]
    /// Malformed lines: line number and message.
    package var malformed: [(line: Int, message: String)] = []
}

/// A problem that stops an import.
package struct WikidataImportError: Error, CustomStringConvertible, Sendable {
    package let message: String
    package var description: String { message }
}

/// Reads Wikidata's JSON entity dumps (a JSON array with one entity per line, plain or gzip-compressed) in a
/// streaming way: three passes over the file, each holding one line at a time. Pass 1 collects the positions held
/// (P39) that kept entities refer to, pass 2 their English labels, pass 3 converts the entities.
package enum WikidataImporter {
    package static func run(path: String, options: WikidataImportOptions,
                           progress: ((_ pass: Int, _ lines: Int, _ bytes: Int) -> Void)? = nil)
        throws -> (patches: [EntityPatch], report: WikidataImportReport) {
        var positions = Set<String>()
        try forEachEntity(path, pass: 1, maximumLineBytes: options.maximumLineBytes, progress: progress) { _, line in
            guard case .entity(let object)? = line, isKept(object, options: options) == nil else { return }
            for statement in statements(object, "P39") { if let q = itemValue(statement) { positions.insert(q) } }
        }
        var positionLabels = [String: String]()
        if !positions.isEmpty {
            try forEachEntity(path, pass: 2, maximumLineBytes: options.maximumLineBytes, progress: progress) { _, line in
                guard case .entity(let object)? = line, let id = object["id"]?.stringValue, positions.contains(id),
                      let label = label(object, "en") else { return }
                positionLabels[id] = label
            }
        }
        var report = WikidataImportReport()
        var patches = [EntityPatch]()
        try forEachEntity(path, pass: 3, maximumLineBytes: options.maximumLineBytes, progress: progress) { number, line in
            report.linesRead = number
            let object: JSONValue
            switch line {
            case nil: return
            case .malformed(let message)?:
                report.malformed.append((number, message))
                report.skipped["malformed line", default: 0] += 1
                return
            case .entity(let value)?: object = value
            }
            report.entitiesRead += 1
            if let reason = isKept(object, options: options) {
                report.skipped[reason, default: 0] += 1
                return
            }
            patches.append(patch(object, options: options, positionLabels: positionLabels))
            report.kept += 1
        }
        return (patches, report)
    }

    /// Why an entity is not kept, or nil if it is.
    static func isKept(_ object: JSONValue, options: WikidataImportOptions) -> String? {
        guard object["type"]?.stringValue == "item", let id = object["id"]?.stringValue, id.hasPrefix("Q") else {
            return "not an item"
        }
        guard let name = label(object, "en") else { return "no English label" }
        if name.count > GazetteerLoader.maximumNameLength { return "label longer than \(GazetteerLoader.maximumNameLength) characters" }
        return nil
    }

    static func patch(_ object: JSONValue, options: WikidataImportOptions, positionLabels: [String: String]) -> EntityPatch {
        let id = object["id"]!.stringValue!
        let name = label(object, "en")!
        var type = EntityType.other
        for statement in statements(object, "P31") {
            if let q = itemValue(statement), let mapped = options.typeMap[q] { type = mapped; break }
        }
        var aliases = [Alias]()
        var seen = Set<String>() // "lang\u{0}text": an entity with 40,000 aliases merges in linear time
        for lang in options.languages {
            var texts = [String]()
            if let l = label(object, lang) { texts.append(l) }
            if case .array(let items)? = object["aliases"]?[lang] {
                texts += items.compactMap { $0["value"]?.stringValue }
            }
            for text in texts where !(lang == "en" && text == name) && text.count <= GazetteerLoader.maximumNameLength {
                if aliases.count < GazetteerLoader.maximumAliases, seen.insert(lang + "\u{0}" + text).inserted {
                    aliases.append(Alias(text: text, lang: lang))
                }
            }
        }
        var roles = [String]()
        for statement in statements(object, "P39") {
            guard let q = itemValue(statement) else { continue }
            var role = positionLabels[q] ?? q
            let start = year(statement, "P580"), end = year(statement, "P582")
            if start != nil || end != nil { role += " (\(start ?? "")–\(end ?? ""))" }
            if !roles.contains(role) { roles.append(role) } // roles are few
        }
        return EntityPatch(id: id, name: name, type: type, aliases: aliases, roles: roles,
                           extra: [("source", .string("wikidata"))])
    }

    static func label(_ object: JSONValue, _ lang: String) -> String? {
        object["labels"]?[lang]?["value"]?.stringValue
    }

    static func statements(_ object: JSONValue, _ property: String) -> [JSONValue] {
        if case .array(let items)? = object["claims"]?[property] { return items }
        return []
    }

    static func itemValue(_ statement: JSONValue) -> String? {
        statement["mainsnak"]?["datavalue"]?["value"]?["id"]?.stringValue
    }

    static func year(_ statement: JSONValue, _ qualifier: String) -> String? {
        guard case .array(let items)? = statement["qualifiers"]?[qualifier],
              let time = items.first?["datavalue"]?["value"]?["time"]?.stringValue else { return nil }
        let digits = time.drop(while: { $0 == "+" || $0 == "-" }).prefix(while: \.isNumber)
        return digits.isEmpty ? nil : String(digits)
    }

    /// One line of a dump: an entity, or a line that is not JSON (with the parser's message).
    enum DumpLine {
        case entity(JSONValue)
        case malformed(String)
    }

    /// Calls `body` with each line's number and what it holds (nil for the array brackets and blank lines).
    /// A dump cut short fails: a gzip stream without its end, or a JSON array without its closing bracket.
    static func forEachEntity(_ path: String, pass: Int, maximumLineBytes: Int = 64 << 20,
                              progress: ((Int, Int, Int) -> Void)?, _ body: (Int, DumpLine?) throws -> Void) throws {
        guard let file = onoma_gz_open(path) else { throw WikidataImportError(message: "\(path): cannot open") }
        defer { onoma_gz_close(file) }
        var buffer = [UInt8](repeating: 0, count: 1 << 17)
        var pending = [UInt8]()
        var lineNumber = 0
        var bytes = 0
        var opened = false, closed = false
        let limit = maximumLineBytes >= 1 << 20 ? "\(maximumLineBytes >> 20) MiB" : "\(maximumLineBytes) bytes"
        func tooLong(_ number: Int) -> WikidataImportError {
            WikidataImportError(message: "\(path): line \(number) is longer than \(limit); nothing was imported")
        }
        func handle(_ line: ArraySlice<UInt8>) throws {
            lineNumber += 1
            if line.count > maximumLineBytes { throw tooLong(lineNumber) }
            var slice = line
            while let last = slice.last, last == 0x20 || last == 0x0D || last == 0x09 { slice.removeLast() }
            while let first = slice.first, first == 0x20 || first == 0x09 { slice.removeFirst() }
            if slice.last == UInt8(ascii: ",") { slice.removeLast() }
            if slice.elementsEqual([UInt8(ascii: "[")]) { opened = true }
            if slice.elementsEqual([UInt8(ascii: "]")]) { closed = true } else if !slice.isEmpty && closed {
                throw WikidataImportError(message: "\(path): line \(lineNumber): data after the closing ]")
            }
            if slice.isEmpty || slice.elementsEqual([UInt8(ascii: "[")]) || slice.elementsEqual([UInt8(ascii: "]")]) {
                try body(lineNumber, nil)
                return
            }
            let parsed: DumpLine
            do { parsed = .entity(try JSONParser.parse(bytes: Array(slice))) } catch {
                parsed = .malformed("not valid JSON: \(error)")
            }
            try body(lineNumber, parsed)
            if lineNumber % 1000 == 0 { progress?(pass, lineNumber, bytes) }
        }
        while true {
            let n = buffer.withUnsafeMutableBufferPointer { onoma_gz_read(file, $0.baseAddress, Int32($0.count)) }
            if n < 0 { throw WikidataImportError(message: "\(path): read error (corrupt gzip data, or a CRC error?) after line \(lineNumber)") }
            if n == 0 {
                if onoma_gz_ended_early(file) != 0 {
                    throw WikidataImportError(message: "\(path): the gzip stream ends early after line \(lineNumber) "
                        + "(a partial download?); nothing was imported")
                }
                break
            }
            bytes += Int(n)
            var start = 0
            let chunk = buffer[0..<Int(n)]
            for i in chunk.indices where chunk[i] == 0x0A {
                if pending.isEmpty { try handle(chunk[start..<i]) } else {
                    pending += chunk[start..<i]
                    try handle(pending[...])
                    pending.removeAll(keepingCapacity: true)
                }
                start = i + 1
            }
            pending += chunk[start...]
            if pending.count > maximumLineBytes { throw tooLong(lineNumber + 1) }
        }
        if !pending.isEmpty { try handle(pending[...]) }
        if opened && !closed {
            throw WikidataImportError(message: "\(path): the dump ends after line \(lineNumber) without its closing ] "
                + "(a partial download?); nothing was imported")
        }
        progress?(pass, lineNumber, bytes)
    }
}
