/// The JSON form of mentions: what `--report` writes and JSONL mode adds as `mentions` (documented in README).
public enum MentionJSON {
    /// One mention as a JSON object. `extra` members (e.g. `file`) come first.
    public static func object(_ mention: Mention, extra: [JSONMember] = []) -> JSONValue {
        var members = extra
        func add(_ key: String, _ value: JSONValue) { members.append(JSONMember(key: key, value: value)) }
        add("start", .number(String(mention.start)))
        add("end", .number(String(mention.end)))
        add("surface", .string(mention.surface))
        add("status", .string(mention.status.rawValue))
        if let chosen = mention.chosen {
            add("id", .string(chosen.id))
            add("name", .string(chosen.name))
            add("replacement", .string(mention.replacement ?? chosen.name))
            add("score", score(chosen.score))
            add("method", .string(chosen.method.rawValue))
            add("explanation", explanation(chosen))
        } else if let top = mention.candidates.first {
            add("score", score(top.score))
        }
        if mention.status != .resolved || mention.candidates.count > 1 {
            let others = mention.status == .resolved ? Array(mention.candidates.dropFirst()) : mention.candidates
            if !others.isEmpty || mention.status == .ambiguous {
                add("candidates", .array(others.map { c in
                    .object([JSONMember(key: "id", value: .string(c.id)),
                             JSONMember(key: "name", value: .string(c.name)),
                             JSONMember(key: "score", value: score(c.score)),
                             JSONMember(key: "method", value: .string(c.method.rawValue)),
                             JSONMember(key: "explanation", value: explanation(c))])
                }))
            }
        }
        return .object(members)
    }

    /// How a candidate matched, as data: the key, its source alias, the systems and what context added.
    public static func explanation(_ c: Candidate) -> JSONValue {
        var members = [JSONMember]()
        func add(_ key: String, _ value: JSONValue) { members.append(JSONMember(key: key, value: value)) }
        add("key", .string(c.key))
        add("source", .string(c.source))
        if let lang = c.sourceLang { add("lang", .string(lang)) }
        add("systems", .array(c.systems.map { .string($0.label) }))
        add("derivation", .string(c.derivation))
        add("detail", .string(c.detail))
        add("part", .string(String(describing: c.part)))
        if c.edits > 0 { add("edits", .number(String(c.edits))) }
        if !c.context.isEmpty { add("context", .array(c.context.map { .string($0) })) }
        if let refutation = c.refutation { add("ruled_out", .string(refutation)) }
        if let b = c.background {
            add("background", .object([JSONMember(key: "kind", value: .string(b.kind.rawValue)),
                                       JSONMember(key: "detail", value: .string(b.detail)),
                                       JSONMember(key: "source", value: .string(b.source)),
                                       JSONMember(key: "strength", value: score(b.strength))]))
        }
        // Only the features that are present: the rest are 0.
        add("features", .object(zip(Features.names, c.features.values).filter { $0.1 != 0 }.map {
            JSONMember(key: $0.0, value: score($0.1))
        }))
        return .object(members)
    }

    static func score(_ value: Float) -> JSONValue {
        .number(String(Double((value * 1000).rounded()) / 1000))
    }
}

/// A problem with one line of JSON Lines input.
public struct JSONLInputError: Error, CustomStringConvertible, Sendable {
    /// The 1-based line of the input.
    public let line: Int
    /// What is wrong with it.
    public let message: String
    /// "line N: message".
    public var description: String { "line \(line): \(message)" }
}

/// Which members of a JSONL line hold the text and receive the mentions.
public struct JSONLFields: Sendable {
    /// The member whose string is normalized.
    public var text: String
    /// The member the mentions array is written to.
    public var mentions: String
    /// Whether a line that already has the mentions member may have it replaced; otherwise such a line is an
    /// error, so that a second tool's output is never lost without a word.
    public var overwriteMentions: Bool
    /// With a document field, consecutive lines with the same value of that member are one document.
    public var document: String?

    /// Field names for JSONL mode: where the text is read, where mentions are written, whether an existing mentions field may be overwritten, and the field that groups lines into documents.
    public init(text: String = "text", mentions: String = "mentions", overwriteMentions: Bool = false,
                document: String? = nil) {
        self.text = text
        self.mentions = mentions
        self.overwriteMentions = overwriteMentions
        self.document = document
    }
}

/// JSONL mode: each input line is a JSON object with a `text` string; each output line is the same object with
/// `text` normalized and a `mentions` array added. Every other byte of the line is kept as it was. The member
/// names are `JSONLFields`.
public enum JSONLNormalizer {
    /// Normalizes one line as a document of its own.
    public static func normalizeLine(_ line: String, lineNumber: Int, engine: Engine, mode: RewriteMode,
                                     fields: JSONLFields = JSONLFields())
        throws(JSONLInputError) -> (output: String, mentions: [Mention]) {
        var document = DocumentContext()
        var fields = fields
        fields.document = nil
        return try normalizeLine(line, lineNumber: lineNumber, engine: engine, mode: mode, fields: fields, document: &document)
    }

    /// Normalizes one line (without its line break). Blank lines come back unchanged with no mentions.
    ///
    /// With `fields.document`, consecutive lines with the same value of that member are one document: `document`
    /// carries what earlier lines named (pass the same value for every line of a file); without it each line is a
    /// document.
    public static func normalizeLine(_ line: String, lineNumber: Int, engine: Engine, mode: RewriteMode,
                                     fields: JSONLFields, document: inout DocumentContext)
        throws(JSONLInputError) -> (output: String, mentions: [Mention]) {
        if TextLines.isBlank(line) { return (line, []) }
        let (bytes, members, textMember, text, existing) = try checked(line, lineNumber: lineNumber, fields: fields)
        if fields.document != nil {
            let value = documentValue(members, fields)
            if value != document.key || value == nil { document = DocumentContext(key: value) }
        } else {
            document = DocumentContext()
        }
        let result = engine.normalize(text, mode: mode, context: &document)
        let mentionsJSON = JSONWriter.serialize(.array(result.mentions.map { MentionJSON.object($0) }))
        // An unchanged text keeps its bytes as written (escapes included); a changed one is written anew.
        // Compared as bytes: a replacement that differs only by Unicode normalization is still a rewrite.
        var edits: [(Range<Int>, String)] = result.text.utf8.elementsEqual(text.utf8) ? []
            : [(textMember.valueRange, JSONWriter.quote(result.text))]
        if let old = existing.first {
            edits.append((old.valueRange, mentionsJSON))
        } else {
            edits.append(insertion(JSONWriter.quote(fields.mentions) + ": " + mentionsJSON, into: bytes, members: members))
        }
        return (String(decoding: applying(edits, to: bytes), as: UTF8.self), result.mentions)
    }

    /// A line's bytes and members, its text member and text, and its mentions member if it has one: every check
    /// `normalizeLine` makes before it normalizes, so that `documentEffect` makes the same.
    private static func checked(_ line: String, lineNumber: Int, fields: JSONLFields)
        throws(JSONLInputError) -> ([UInt8], [JSONMember], JSONMember, String, [JSONMember]) {
        let bytes = Array(line.utf8)
        let members = try objectMembers(bytes, lineNumber: lineNumber)
        // Parsers disagree on a repeated key (most keep the last, some the first): which text would be normalized
        // is not clear, so it is an error.
        if members.filter({ $0.key == fields.text }).count > 1 {
            throw JSONLInputError(line: lineNumber, message: "\(JSONWriter.quote(fields.text)) appears more than once")
        }
        guard let textMember = members.first(where: { $0.key == fields.text }) else {
            throw JSONLInputError(line: lineNumber, message: "missing \(JSONWriter.quote(fields.text)) (a string)")
        }
        guard let text = textMember.value.stringValue else {
            throw JSONLInputError(line: lineNumber, message: "\(JSONWriter.quote(fields.text)) is \(textMember.value.kind), not a string")
        }
        let existing = members.filter { $0.key == fields.mentions }
        if !existing.isEmpty && !fields.overwriteMentions {
            throw JSONLInputError(line: lineNumber,
                                  message: "the line already has \(JSONWriter.quote(fields.mentions)); it would be overwritten")
        }
        if existing.count > 1 {
            throw JSONLInputError(line: lineNumber, message: "\(JSONWriter.quote(fields.mentions)) appears more than once")
        }
        return (bytes, members, textMember, text, existing)
    }

    /// Fails as `normalizeLine` would on this line (a blank line passes), without normalizing it: a check of a
    /// whole input before any of its output is written.
    package static func validate(_ line: String, lineNumber: Int, fields: JSONLFields) throws(JSONLInputError) {
        if TextLines.isBlank(line) { return }
        _ = try checked(line, lineNumber: lineNumber, fields: fields)
    }

    /// What `normalizeLine` does with the document context at this line, without normalizing it: nil when it
    /// leaves the context as it was (a blank line, or one it refuses); else whether the line starts a new document
    /// given the key of the current one, and the key it leaves. A line that starts a document does not depend on
    /// the lines before it: a batch can be cut there and its parts normalized apart, with the same result.
    package static func documentEffect(_ line: String, lineNumber: Int, fields: JSONLFields, currentKey: String?)
        -> (starts: Bool, key: String?)? {
        if TextLines.isBlank(line) { return nil }
        guard let (_, members, _, _, _) = try? checked(line, lineNumber: lineNumber, fields: fields) else { return nil }
        guard fields.document != nil else { return (true, nil) }
        let value = documentValue(members, fields)
        return (value != currentKey || value == nil, value)
    }

    /// The line's value of the document field, as JSON text (nil without the field or the member).
    private static func documentValue(_ members: [JSONMember], _ fields: JSONLFields) -> String? {
        fields.document.flatMap { field in members.first { $0.key == field }.map { JSONWriter.serialize($0.value) } }
    }

    /// A line that could not be normalized, passed through so that a batch goes on (`--skip-invalid`): a JSON
    /// object gets an `error` member (replacing one it had); anything else becomes an object holding the error and
    /// the line as it was (`input`).
    public static func passThrough(_ line: String, error: JSONLInputError) -> String {
        let bytes = Array(line.utf8)
        let message = JSONWriter.quote(error.description)
        guard let members = try? objectMembers(bytes, lineNumber: error.line) else {
            return "{\"error\": \(message), \"input\": \(JSONWriter.quote(line))}"
        }
        if let old = members.first(where: { $0.key == "error" }) {
            return String(decoding: applying([(old.valueRange, message)], to: bytes), as: UTF8.self)
        }
        return String(decoding: applying([insertion("\"error\": " + message, into: bytes, members: members)], to: bytes),
                      as: UTF8.self)
    }

    /// The members of a line that must be one JSON object.
    private static func objectMembers(_ bytes: [UInt8], lineNumber: Int) throws(JSONLInputError) -> [JSONMember] {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes: bytes) } catch {
            throw JSONLInputError(line: lineNumber, message: "not valid JSON: \(error)")
        }
        guard case .object(let members) = value else {
            throw JSONLInputError(line: lineNumber, message: "expected a JSON object")
        }
        return members
    }

    /// An edit that adds `member` before the object's closing brace.
    private static func insertion(_ member: String, into bytes: [UInt8], members: [JSONMember]) -> (Range<Int>, String) {
        var close = bytes.count - 1
        while close > 0 && bytes[close] != UInt8(ascii: "}") { close -= 1 }
        return (close..<close, (members.isEmpty ? "" : ", ") + member)
    }

    /// The bytes with each range replaced, in order.
    private static func applying(_ edits: [(Range<Int>, String)], to bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 256)
        var position = 0
        for (range, replacement) in edits.sorted(by: { $0.0.lowerBound < $1.0.lowerBound }) {
            out += bytes[position..<range.lowerBound]
            out += Array(replacement.utf8)
            position = range.upperBound
        }
        out += bytes[position...]
        return out
    }
}
