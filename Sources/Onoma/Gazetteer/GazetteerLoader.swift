import Foundation

/// A problem with a gazetteer file, located by file and line.
public struct GazetteerError: Error, CustomStringConvertible, Sendable {
    /// The file and line of the bad entity.
    public let location: SourceLocation
    /// What is wrong with it.
    public let message: String
    /// "file:line: message".
    public var description: String { "\(location): \(message)" }
}

/// Reads gazetteer JSON Lines: one entity per line, blank lines allowed (format in Data/README.md).
public enum GazetteerLoader {
    /// Parses gazetteer text. `file` names the source in error messages.
    public static func parse(_ text: String, file: String) throws(GazetteerError) -> [Entity] {
        var entities = [Entity]()
        var lineNumber = 0
        for line in TextLines.split(TextLines.splitByteOrderMark(text).rest) {
            lineNumber += 1
            if TextLines.isBlank(line) { continue }
            let location = SourceLocation(file: file, line: lineNumber)
            let value: JSONValue
            do {
                value = try JSONParser.parse(bytes: Array(line.utf8))
            } catch {
                throw GazetteerError(location: location, message: "not valid JSON: \(error)")
            }
            entities.append(try entity(from: value, at: location))
        }
        return entities
    }

    /// Reads and parses a gazetteer file; the bytes must be UTF-8.
    public static func load(path: String) throws(GazetteerError) -> [Entity] {
        let location = SourceLocation(file: path, line: 0)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw GazetteerError(location: location, message: "no such file")
        }
        // FileHandle reads devices and pipes too (`--gazetteer /dev/null`).
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path),
              let data = try? handle.readToEnd() ?? Data() else {
            throw GazetteerError(location: location, message: "cannot read the file")
        }
        try? handle.close()
        let bytes = [UInt8](data)
        switch UTF8Validation.firstInvalidByte(bytes) {
        case .some(let offset):
            let line = bytes[..<offset].filter { $0 == 0x0A }.count + 1
            throw GazetteerError(location: SourceLocation(file: path, line: line),
                                 message: "not UTF-8 (invalid byte at offset \(offset))")
        case .none:
            return try parse(String(decoding: bytes, as: UTF8.self), file: path)
        }
    }

    /// Builds an entity from one parsed line.
    /// The longest name or alias an entity may have, in characters: far above any real name (the longest official
    /// country and ministry names have under 100), low enough that no file can make loading slow.
    public static let maximumNameLength = 1_000
    /// The most aliases one entity may have (Wikidata's most-aliased items have a few thousand).
    public static let maximumAliases = 100_000

    /// One entity from a parsed JSON object, checked field by field; errors name `location`.
    public static func entity(from value: JSONValue, at location: SourceLocation) throws(GazetteerError) -> Entity {
        func fail(_ message: String) -> GazetteerError { GazetteerError(location: location, message: message) }
        func checkLength(_ text: String, _ what: String, _ id: String) throws(GazetteerError) {
            if text.count > maximumNameLength {
                throw fail("entity \"\(id)\": \(what) is longer than \(maximumNameLength) characters")
            }
        }
        guard case .object = value else { throw fail("an entity must be a JSON object") }
        guard let id = value["id"]?.stringValue, !id.isEmpty else { throw fail("missing \"id\" (a non-empty string)") }
        guard let name = value["name"]?.stringValue, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw fail("entity \"\(id)\": missing \"name\" (a non-empty string)")
        }
        try checkLength(name, "the name", id)
        var type = EntityType.other
        if let raw = value["type"] {
            guard let s = raw.stringValue, let t = EntityType(rawValue: s) else {
                throw fail("entity \"\(id)\": \"type\" must be one of person, organization, place, other")
            }
            type = t
        }
        var aliases = [Alias]()
        if let raw = value["aliases"] {
            guard case .array(let items) = raw else { throw fail("entity \"\(id)\": \"aliases\" must be an array") }
            if items.count > maximumAliases {
                throw fail("entity \"\(id)\": more than \(maximumAliases) aliases")
            }
            for item in items {
                switch item {
                case .string(let s): aliases.append(Alias(text: s))
                case .object:
                    guard let text = item["text"]?.stringValue, !text.isEmpty else {
                        throw fail("entity \"\(id)\": an alias object needs a non-empty \"text\"")
                    }
                    aliases.append(Alias(text: text, lang: item["lang"]?.stringValue,
                                         reading: item["reading"]?.stringValue, kind: item["kind"]?.stringValue))
                default: throw fail("entity \"\(id)\": an alias must be a string or an object with \"text\"")
                }
                try checkLength(aliases[aliases.count - 1].text, "an alias", id)
            }
        }
        var roles = [String]()
        if let raw = value["roles"] {
            guard case .array(let items) = raw else { throw fail("entity \"\(id)\": \"roles\" must be an array") }
            for item in items {
                if let s = item.stringValue { roles.append(s) }
                else if let s = item["title"]?.stringValue { roles.append(s) }
                else { throw fail("entity \"\(id)\": a role must be a string or an object with \"title\"") }
            }
        }
        var notNames = [NegativeName]()
        if let raw = value["not"] {
            guard case .array(let items) = raw else { throw fail("entity \"\(id)\": \"not\" must be an array") }
            for item in items {
                if let s = item.stringValue, !s.isEmpty { notNames.append(NegativeName(text: s)); continue }
                guard case .object = item, let text = item["text"]?.stringValue, !text.isEmpty else {
                    throw fail("entity \"\(id)\": a \"not\" item must be a string or an object with a non-empty \"text\"")
                }
                var near = [String]()
                if let words = item["near"] {
                    guard case .array(let list) = words, list.allSatisfy({ $0.stringValue != nil }) else {
                        throw fail("entity \"\(id)\": \"near\" of \"not\" \"\(text)\" must be an array of strings")
                    }
                    near = list.compactMap(\.stringValue)
                }
                try checkLength(text, "a \"not\" name", id)
                notNames.append(NegativeName(text: text, near: near))
            }
        }
        return Entity(id: id, name: name, type: type, aliases: aliases, given: value["given"]?.stringValue,
                      family: value["family"]?.stringValue, roles: roles, origin: location,
                      country: value["country"]?.stringValue, notNames: notNames)
    }
}

/// UTF-8 validation that reports where the first bad byte is.
package enum UTF8Validation {
    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or nil.
    package static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidByte($0) }
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or nil.
    package static func firstInvalidByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minSecond: UInt8 = 0x80, maxSecond: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; minSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; maxSecond = 0x9F
            case 0xF0: length = 4; minSecond = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; maxSecond = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            if bytes[i + 1] < minSecond || bytes[i + 1] > maxSecond { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
