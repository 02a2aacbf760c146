import Foundation
import Testing
@testable import Onoma

/// `GazetteerLoader`: gazetteer JSON Lines into entities, with errors located by file and line.
@Suite struct GazetteerLoaderTests {
    @Test func parsesValidLinesAndSkipsBlankOnes() throws {
        let text = """

        {"id": "wang-jianguo", "name": "Wang Jianguo", "type": "person", "aliases": ["王建国", {"text": "王建國", "lang": "zh-Hant"}], "roles": ["Minister of Water Resources", {"title": "Governor of Qinghai", "start": "2010"}], "source": "invented"}
           \t
        {"id": "kondo", "name": "Shota Kondo", "type": "person", "given": "Shota", "family": "Kondo", "aliases": [{"text": "近藤翔太", "lang": "ja", "reading": "こんどう しょうた", "kind": "native"}]}\r
        {"id": "lake", "name": "Lake Verlaine"}

        """
        let entities = try GazetteerLoader.parse(text, file: "people.jsonl")
        #expect(entities.count == 3)
        let wang = entities[0]
        #expect(wang.id == "wang-jianguo" && wang.name == "Wang Jianguo" && wang.type == .person)
        #expect(wang.aliases == [Alias(text: "王建国"), Alias(text: "王建國", lang: "zh-Hant")])
        #expect(wang.roles == ["Minister of Water Resources", "Governor of Qinghai"])
        #expect(wang.given == nil && wang.family == nil)
        #expect(wang.origin == SourceLocation(file: "people.jsonl", line: 2))
        let kondo = entities[1]
        #expect(kondo.given == "Shota" && kondo.family == "Kondo")
        #expect(kondo.aliases == [Alias(text: "近藤翔太", lang: "ja", reading: "こんどう しょうた", kind: "native")])
        #expect(kondo.origin.line == 4)
        let lake = entities[2]
        #expect(lake.type == .other && lake.aliases.isEmpty && lake.roles.isEmpty)
        #expect(lake.origin.description == "people.jsonl:5")
    }

    @Test(arguments: ["", "\n", "\n\n  \n", " \t \r\n"])
    func blankTextHasNoEntities(_ text: String) throws {
        #expect(try GazetteerLoader.parse(text, file: "x").isEmpty)
    }

    @Test(arguments: EntityType.allCases)
    func everyType(_ type: EntityType) throws {
        let entities = try GazetteerLoader.parse(#"{"id": "a", "name": "A b", "type": "\#(type.rawValue)"}"#, file: "f")
        #expect(entities.first?.type == type)
    }

    /// A bad line: the error names the file and the line, then says what is wrong.
    static let errors: [(String, String)] = [
        (#"{"id": "a", "name": "A"#, "g.jsonl:3: not valid JSON: unterminated string at byte 22"),
        ("# a comment", "g.jsonl:3: not valid JSON: unexpected character at byte 0"),
        ("nothing", "g.jsonl:3: not valid JSON: invalid literal at byte 1"),
        (#"["a", "b"]"#, "g.jsonl:3: an entity must be a JSON object"),
        (#"{"name": "Nobody"}"#, #"g.jsonl:3: missing "id" (a non-empty string)"#),
        (#"{"id": "", "name": "Nobody"}"#, #"g.jsonl:3: missing "id" (a non-empty string)"#),
        (#"{"id": 7, "name": "Nobody"}"#, #"g.jsonl:3: missing "id" (a non-empty string)"#),
        (#"{"id": "x"}"#, #"g.jsonl:3: entity "x": missing "name" (a non-empty string)"#),
        (#"{"id": "x", "name": "   "}"#, #"g.jsonl:3: entity "x": missing "name" (a non-empty string)"#),
        (#"{"id": "x", "name": ["X"]}"#, #"g.jsonl:3: entity "x": missing "name" (a non-empty string)"#),
        (#"{"id": "x", "name": "X", "type": "persona"}"#,
         #"g.jsonl:3: entity "x": "type" must be one of person, organization, place, other"#),
        (#"{"id": "x", "name": "X", "type": 1}"#,
         #"g.jsonl:3: entity "x": "type" must be one of person, organization, place, other"#),
        (#"{"id": "x", "name": "X", "aliases": "Ex"}"#, #"g.jsonl:3: entity "x": "aliases" must be an array"#),
        (#"{"id": "x", "name": "X", "aliases": [{"lang": "zh"}]}"#,
         #"g.jsonl:3: entity "x": an alias object needs a non-empty "text""#),
        (#"{"id": "x", "name": "X", "aliases": [{"text": ""}]}"#,
         #"g.jsonl:3: entity "x": an alias object needs a non-empty "text""#),
        (#"{"id": "x", "name": "X", "aliases": [3]}"#,
         #"g.jsonl:3: entity "x": an alias must be a string or an object with "text""#),
        (#"{"id": "x", "name": "X", "roles": "Mayor"}"#, #"g.jsonl:3: entity "x": "roles" must be an array"#),
        (#"{"id": "x", "name": "X", "roles": [{"name": "Mayor"}]}"#,
         #"g.jsonl:3: entity "x": a role must be a string or an object with "title""#),
    ]

    @Test(arguments: errors)
    func errorNamesFileAndLine(_ badLine: String, _ expected: String) {
        let text = "{\"id\": \"ok\", \"name\": \"Fine Name\"}\n\n" + badLine + "\n{\"id\": \"later\", \"name\": \"Later\"}\n"
        let error = #expect(throws: GazetteerError.self) { try GazetteerLoader.parse(text, file: "g.jsonl") }
        #expect(error?.description == expected)
        #expect(error?.location == SourceLocation(file: "g.jsonl", line: 3))
    }

    // MARK: Files

    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "onoma-loader-\(UUID().uuidString).jsonl"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func loadsAFile() throws {
        let path = try Self.temporaryFile(Array("{\"id\": \"a\", \"name\": \"Anna Berg\", \"type\": \"person\"}\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let entities = try GazetteerLoader.load(path: path)
        #expect(entities.map(\.id) == ["a"])
        #expect(entities.first?.origin == SourceLocation(file: path, line: 1))
    }

    @Test func rejectsAFileThatIsNotUTF8() throws {
        var bytes = Array("{\"id\": \"a\", \"name\": \"Ann".utf8)
        let offset = bytes.count
        bytes += [0xE9, 0x22, 0x7D, 0x0A] // Latin-1 é
        let path = try Self.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: GazetteerError.self) { try GazetteerLoader.load(path: path) }
        #expect(error?.description == "\(path):1: not UTF-8 (invalid byte at offset \(offset))")
    }

    @Test func aBadByteIsReportedOnItsLine() throws {
        let bytes = Array("{\"id\": \"a\", \"name\": \"A\"}\n{\"id\": \"b\", \"name\": \"B".utf8) + [0xFF, 0x22, 0x7D, 0x0A]
        let path = try Self.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: GazetteerError.self) { try GazetteerLoader.load(path: path) }
        #expect(error?.location.line == 2)
    }

    @Test func missingFile() {
        let path = NSTemporaryDirectory() + "onoma-loader-missing-\(UUID().uuidString).jsonl"
        let error = #expect(throws: GazetteerError.self) { try GazetteerLoader.load(path: path) }
        #expect(error?.message == "no such file")
        #expect(error?.location.file == path)
    }

    @Test func directoryIsNotAGazetteer() {
        let error = #expect(throws: GazetteerError.self) { try GazetteerLoader.load(path: NSTemporaryDirectory()) }
        #expect(error?.message == "cannot read the file")
    }
}

@Suite struct UTF8ValidationTests {
    static let cases: [([UInt8], Int?)] = [
        ([], nil),
        ([0x41, 0x7F], nil),
        ([0xC3, 0xA9], nil), // é
        ([0xE6, 0x9D, 0xB1], nil), // 東
        ([0xF0, 0x9F, 0x98, 0x80], nil), // 😀
        ([0xED, 0x9F, 0xBF], nil), // U+D7FF, last before the surrogates
        ([0xEE, 0x80, 0x80], nil), // U+E000
        ([0xF4, 0x8F, 0xBF, 0xBF], nil), // U+10FFFF
        ([0x80], 0), // a lone continuation byte
        ([0x41, 0xBF], 1),
        ([0xFF], 0),
        ([0xFE], 0),
        ([0xC0, 0x80], 0), // overlong NUL
        ([0xC1, 0xBF], 0), // overlong
        ([0xE0, 0x80, 0x80], 0), // overlong three-byte
        ([0xE0, 0x9F, 0xBF], 0),
        ([0xED, 0xA0, 0x80], 0), // surrogate D800
        ([0xF0, 0x8F, 0xBF, 0xBF], 0), // overlong four-byte
        ([0xF4, 0x90, 0x80, 0x80], 0), // above U+10FFFF
        ([0xF5, 0x80, 0x80, 0x80], 0),
        ([0x61, 0x62, 0xC3], 2), // truncated at the end
        ([0x41, 0xE2, 0x82], 1),
        ([0xE2, 0x82, 0x41], 0), // a continuation byte missing
        ([0xE2, 0x41, 0x82], 0),
        ([0xF0, 0x9F, 0x98, 0x41], 0),
        ([0x68, 0xC3, 0xA9, 0x6C, 0xE9, 0x6F], 4), // Latin-1 é after a good UTF-8 é
    ]

    @Test(arguments: cases)
    func firstInvalidByte(_ bytes: [UInt8], _ expected: Int?) {
        #expect(UTF8Validation.firstInvalidByte(bytes) == expected)
    }

    /// On random bytes the validator agrees with the standard library, and the prefix before the reported byte is
    /// itself valid UTF-8.
    @Test func agreesWithTheStandardLibrary() {
        var rng = SeededGenerator(seed: 0xBADB17E)
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1,
                                    0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<3000 {
            let bytes = (0..<Int.random(in: 0...8, using: &rng)).map { _ in interesting.randomElement(using: &rng)! }
            let offset = UTF8Validation.firstInvalidByte(bytes)
            #expect((offset == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            if let offset {
                #expect(String(validating: bytes[..<offset], as: UTF8.self) != nil, "\(bytes) at \(offset)")
            }
        }
    }
}
