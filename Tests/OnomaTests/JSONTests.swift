import Testing
@testable import Onoma

/// `JSONParser` (strict RFC 8259 with member value ranges) and `JSONWriter`.
@Suite struct JSONParserTests {
    static let values: [(String, JSONValue)] = [
        ("null", .null),
        ("true", .bool(true)),
        (" false ", .bool(false)),
        ("0", .number("0")),
        ("-0", .number("-0")),
        ("12.50", .number("12.50")),
        ("1E+2", .number("1E+2")),
        ("-3.25e-7", .number("-3.25e-7")),
        ("123456789012345678901234567890", .number("123456789012345678901234567890")),
        (#""""#, .string("")),
        (#""a\"b\\c\/d""#, .string("a\"b\\c/d")),
        (#""\b\f\n\r\t""#, .string("\u{8}\u{C}\n\r\t")),
        (#""\u00e9\u00C9""#, .string("éÉ")),
        (#""\u0000""#, .string("\u{0}")),
        ("\"naïve 東京\"", .string("naïve 東京")),
        // Surrogate pairs.
        (#""\ud83d\ude00""#, .string("😀")),
        (#""\uD834\uDD1E clef""#, .string("𝄞 clef")),
        (#""x\uDBFF\uDFFFy""#, .string("x\u{10FFFF}y")),
        ("[]", .array([])),
        ("[ 1 , [ true ] , {} ]", .array([.number("1"), .array([.bool(true)]), .object([])])),
        ("\t{ }\n", .object([])),
    ]

    @Test(arguments: values)
    func parsesValue(_ text: String, _ expected: JSONValue) throws {
        let value = try JSONParser.parse(text)
        #expect(value == expected)
        if case .string(let s) = value, case .string(let e) = expected {
            // String == compares canonically; the scalars must be exactly the ones escaped.
            #expect(Array(s.unicodeScalars) == Array(e.unicodeScalars))
        }
    }

    @Test func memberValueRanges() throws {
        let text = #"{"a": 1, "b" : "xy", "c":[1,2]}"#
        guard case .object(let members) = try JSONParser.parse(text) else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "b", "c"])
        #expect(members.map(\.valueRange) == [6..<7, 15..<19, 25..<30])
    }

    @Test func memberValueRangesAreByteOffsets() throws {
        let text = #"{"é": "ü", "n": {"m": null}}"#
        guard case .object(let members) = try JSONParser.parse(text) else { Issue.record("not an object"); return }
        #expect(members.map(\.valueRange) == [7..<11, 18..<29])
        guard case .object(let inner) = members[1].value else { Issue.record("not an object"); return }
        #expect(inner.first?.valueRange == 24..<28, "nested ranges count from the start of the whole text")
    }

    /// Random objects: every member's value range, cut out and parsed alone, gives the member's value back.
    @Test func valueRangesSpliceBack() throws {
        var rng = SeededGenerator(seed: 77)
        let pieces = ["1", "-2.5e3", "true", "null", #""x""#, #""é\n\u00e9""#, "[1, {\"k\": []}]", "{}", "\"😀\""]
        for _ in 0..<200 {
            var parts = [String]()
            for i in 0..<Int.random(in: 0...5, using: &rng) {
                let space = String(repeating: " ", count: Int.random(in: 0...2, using: &rng))
                parts.append("\"k\(i)\"\(space):\(space)\(pieces.randomElement(using: &rng)!)\(space)")
            }
            let text = "{" + parts.joined(separator: ",") + "}"
            let bytes = Array(text.utf8)
            guard case .object(let members) = try JSONParser.parse(text) else { Issue.record("not an object"); return }
            #expect(members.count == parts.count)
            for member in members {
                let alone = try JSONParser.parse(bytes: Array(bytes[member.valueRange]))
                #expect(Self.withoutRanges(alone) == Self.withoutRanges(member.value), "\(text)")
            }
        }
    }

    /// A value with every member's range dropped (nested ranges count from the start of the text parsed).
    static func withoutRanges(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items): return .array(items.map(withoutRanges))
        case .object(let members): return .object(members.map { JSONMember(key: $0.key, value: withoutRanges($0.value)) })
        default: return value
        }
    }

    @Test func subscriptAndStringValue() throws {
        let value = try JSONParser.parse(#"{"name": "Lin", "n": 2, "name2": null}"#)
        #expect(value["name"]?.stringValue == "Lin")
        #expect(value["n"] == .number("2"))
        #expect(value["n"]?.stringValue == nil)
        #expect(value["missing"] == nil)
        #expect(JSONValue.array([])["name"] == nil)
    }

    /// Malformed input: the message and the byte offset where the parser found the problem.
    static let errors: [(String, String, Int)] = [
        ("", "unexpected end of input", 0),
        ("   ", "unexpected end of input", 3),
        ("[", "unexpected end of input", 1),
        ("[1,]", "unexpected character", 3),
        (".5", "unexpected character", 0),
        ("+1", "unexpected character", 0),
        ("'a'", "unexpected character", 0),
        ("[1 2]", "expected ',' or ']'", 3),
        ("[1", "unterminated array", 2),
        (#"{"a" 1}"#, "expected ':'", 5),
        (#"{"a":1,}"#, "expected a member name", 7),
        ("{a:1}", "expected a member name", 1),
        (#"{"a":1 "b":2}"#, "expected ',' or '}'", 7),
        (#"{"a":1"#, "unterminated object", 6),
        ("tru", "invalid literal", 3),
        ("trux", "invalid literal", 3),
        ("nul", "invalid literal", 3),
        ("True", "unexpected character", 0),
        ("-", "invalid number", 1),
        ("1.", "invalid number", 2),
        ("1.e5", "invalid number", 2),
        ("1e", "invalid number", 2),
        ("1e+", "invalid number", 3),
        ("01", "unexpected text after the JSON value", 1),
        ("{} x", "unexpected text after the JSON value", 3),
        ("1 2", "unexpected text after the JSON value", 2),
        (#""abc"#, "unterminated string", 4),
        ("\"a\u{1}\"", "control character in string", 2),
        ("\"a\nb\"", "control character in string", 2),
        (#""\u12""#, "invalid \\u escape", 3),
        (#""\u12G4""#, "invalid \\u escape", 5),
        (#""\ud800""#, "unpaired surrogate", 7),
        (#""\ud800x""#, "unpaired surrogate", 7),
        (#""\udc00""#, "unpaired surrogate", 7),
        (#""\ud83d\u0041""#, "unpaired surrogate", 13),
        (#""\ud83d\ud83d""#, "unpaired surrogate", 13),
    ]

    @Test(arguments: errors)
    func syntaxError(_ text: String, _ message: String, _ offset: Int) {
        let error = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        #expect(error?.message == message)
        #expect(error?.offset == offset)
        #expect(error?.description == "\(message) at byte \(offset)")
    }

    @Test(arguments: [#""\x""#, #""\'""#, #""\U0041""#])
    func invalidEscapes(_ text: String) {
        let error = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        #expect(error?.message == "invalid escape")
    }

    @Test func invalidUTF8InAString() {
        let error = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes: [0x22, 0x61, 0xFF, 0x22]) }
        #expect(error?.message == "string is not valid UTF-8")
    }

    @Test func nestingIsBounded() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let error = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
        #expect(error?.message == "nesting too deep")
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(try JSONParser.parse(fine) != .null)
    }
}

@Suite struct JSONWriterTests {
    static let quoted: [(String, String)] = [
        ("", #""""#),
        ("plain", #""plain""#),
        ("a\"b\\c", #""a\"b\\c""#),
        ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
        ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
        ("\u{2028}\u{2029}", #""\u2028\u2029""#),
        ("/", #""/""#),
        ("é 東京 😀", "\"é 東京 😀\""),
        ("\u{7F}", "\"\u{7F}\""),
    ]

    @Test(arguments: quoted)
    func quote(_ text: String, _ expected: String) {
        #expect(JSONWriter.quote(text) == expected)
    }

    /// Random strings of awkward scalars survive quote -> parse unchanged, scalar for scalar, and the quoted form
    /// never holds a raw control character.
    @Test func quoteRoundTrip() throws {
        var rng = SeededGenerator(seed: 0x51)
        let pool: [Unicode.Scalar] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{8}", "\u{C}",
                                      "\u{1F}", "\u{7F}", "é", "e", "\u{301}", "\u{2028}", "\u{2029}", "\u{FEFF}",
                                      "東", "😀", "\u{10FFFF}", "\u{D7FF}", "\u{E000}", "u", "{", "}"]
        for _ in 0..<500 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...20, using: &rng) { scalars.append(pool.randomElement(using: &rng)!) }
            let text = String(scalars)
            let quoted = JSONWriter.quote(text)
            #expect(!quoted.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" })
            let parsed = try JSONParser.parse(quoted)
            #expect(parsed.stringValue.map { Array($0.unicodeScalars) } == Array(text.unicodeScalars), "\(quoted)")
        }
    }

    @Test func serializeKeepsMemberOrder() throws {
        let value = JSONValue.object([
            JSONMember(key: "z", value: .number("1.50")),
            JSONMember(key: "a", value: .array([.null, .bool(false), .string("q\"")])),
            JSONMember(key: "m", value: .object([])),
        ])
        let text = JSONWriter.serialize(value)
        #expect(text == #"{"z":1.50,"a":[null,false,"q\""],"m":{}}"#)
        guard case .object(let members) = try JSONParser.parse(text) else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["z", "a", "m"])
        #expect(members.map(\.value) == [.number("1.50"), .array([.null, .bool(false), .string("q\"")]), .object([])])
    }
}
