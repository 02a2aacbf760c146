import Onoma

/// The members of one JSON object of a request body, read with messages that name what is wrong: the member and
/// where it is (`documents[2].text`), what it should be and what it is. Unknown and repeated members are refused,
/// so a misspelt option ("mdoe") is an error rather than silently ignored.
struct RequestFields {
    /// Where the object is in the body, for messages: "" for the body itself, else e.g. "documents[2]".
    let path: String
    private let members: [JSONMember]

    /// Parses a request body that must be one JSON object: UTF-8, valid JSON (the message gives the byte offset of
    /// the first error), an object.
    static func body(_ bytes: [UInt8], allowed: [String]) throws(ServiceError) -> RequestFields {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw .badRequest("the request body is empty: expected a JSON object")
        }
        if let offset = UTF8Validation.firstInvalidByte(bytes) {
            throw .badRequest("the request body is not UTF-8: invalid byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at byte offset \(offset)")
        }
        let value: JSONValue
        do { value = try JSONParser.parse(bytes: bytes) } catch {
            throw .badRequest("the request body is not valid JSON: \(error.message) at byte offset \(error.offset)")
        }
        return try RequestFields(value, at: "", allowed: allowed)
    }

    /// The members of `value`, which must be an object with no members but `allowed`, each at most once.
    init(_ value: JSONValue, at path: String, allowed: [String]) throws(ServiceError) {
        self.path = path
        guard case .object(let members) = value else {
            throw .badRequest("\(path.isEmpty ? "the request body" : path) must be a JSON object, not \(value.kind)")
        }
        self.members = members
        var seen = Set<String>()
        for member in members {
            guard allowed.contains(member.key) else {
                throw .badRequest("unknown member \(label(member.key)) (known: \(allowed.joined(separator: ", ")))")
            }
            guard seen.insert(member.key).inserted else { throw .badRequest("\(label(member.key)) appears more than once") }
        }
    }

    /// Whether the object has the member (null counts as present: it is a wrong type, not an absence).
    func has(_ key: String) -> Bool { members.contains { $0.key == key } }

    /// The member's value, if present.
    func value(_ key: String) -> JSONValue? { members.first { $0.key == key }?.value }

    /// An optional string member.
    func string(_ key: String) throws(ServiceError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw wrongType(key, "a string", value) }
        return text
    }

    /// A string member that must be there.
    func requiredString(_ key: String) throws(ServiceError) -> String {
        guard let text = try string(key) else { throw .badRequest("missing \(label(key)) (a string)") }
        return text
    }

    /// An optional array member.
    func array(_ key: String) throws(ServiceError) -> [JSONValue]? {
        guard let value = value(key) else { return nil }
        guard case .array(let items) = value else { throw wrongType(key, "an array", value) }
        return items
    }

    /// An optional integer member within `range`.
    func integer(_ key: String, in range: ClosedRange<Int>) throws(ServiceError) -> Int? {
        guard let value = value(key) else { return nil }
        // JSON has one number type: 10, 10.0 and 1e1 are the same integer.
        guard case .number(let text) = value else { throw wrongType(key, "a whole number", value) }
        guard let double = Double(text), double.rounded() == double, abs(double) < 1e15 else {
            throw .badRequest("\(label(key)) must be a whole number, not \(text)")
        }
        let number = Int(double)
        guard range.contains(number) else {
            throw .badRequest("\(label(key)) must be from \(range.lowerBound) to \(range.upperBound), not \(number)")
        }
        return number
    }

    /// An optional string member that must be one of `choices`' raw values.
    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, _ type: Choice.Type) throws(ServiceError) -> Choice?
    where Choice.RawValue == String {
        guard let text = try string(key) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            throw .badRequest("\(label(key)) must be one of \(Choice.allCases.map(\.rawValue).joined(separator: ", ")), not \(JSONWriter.quote(text))")
        }
        return choice
    }

    /// An optional member that identifies something (an item, a document): a string or a number, echoed as written.
    func identifier(_ key: String) throws(ServiceError) -> JSONValue? {
        guard let value = value(key) else { return nil }
        switch value {
        case .string, .number: return value
        default: throw wrongType(key, "a string or a number", value)
        }
    }

    /// The member's name as messages write it: quoted, after the object's path.
    func label(_ key: String) -> String {
        path.isEmpty ? JSONWriter.quote(key) : "\(path).\(key)"
    }

    private func wrongType(_ key: String, _ expected: String, _ value: JSONValue) -> ServiceError {
        .badRequest("\(label(key)) must be \(expected), not \(value.kind)")
    }
}
