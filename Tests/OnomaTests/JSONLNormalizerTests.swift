import Testing
@testable import Onoma

/// JSONL mode: `text` is normalized, `mentions` added or replaced, every other byte of the line kept.
@Suite struct JSONLNormalizerTests {
    static var engine: Engine { TestGazetteer.engine }

    static func normalize(_ line: String, mode: RewriteMode = .replace) throws -> (output: String, mentions: [Mention]) {
        try JSONLNormalizer.normalizeLine(line, lineNumber: 1, engine: engine, mode: mode)
    }

    @Test func replacesTextAndAddsMentions() throws {
        let line = #"{"id": 7, "text": "Jianguo Wang spoke.", "meta": {"x": [1, 2.50, "caf\u00e9"]}, "n":1e+2}"#
        let (output, mentions) = try Self.normalize(line)
        #expect(mentions.count == 1)
        let expectedMentions = JSONWriter.serialize(.array(mentions.map { MentionJSON.object($0) }))
        #expect(output == #"{"id": 7, "text": "Wang Jianguo spoke.", "meta": {"x": [1, 2.50, "caf\u00e9"]}, "n":1e+2, "mentions": "#
                + expectedMentions + "}")
        let parsed = try JSONParser.parse(output)
        guard case .array(let items)? = parsed["mentions"], let first = items.first else {
            Issue.record("no mentions array"); return
        }
        #expect(first["id"]?.stringValue == "wang-jianguo")
        #expect(first["surface"]?.stringValue == "Jianguo Wang")
        #expect(first["replacement"]?.stringValue == "Wang Jianguo")
        #expect(first["status"]?.stringValue == "resolved")
        #expect(first["method"]?.stringValue == "order")
        #expect(first["start"] == .number("0") && first["end"] == .number("12"))
    }

    @Test func replacesAnExistingMentionsMemberInPlaceOnlyWhenAllowed() throws {
        let line = #"{"mentions": ["old", {"x": 1}], "text": "Officials said Wang Chien-kuo left.",   "tail" : true }"#
        // Defect (issue 12): an existing mentions member was overwritten without a word.
        let refused = #expect(throws: JSONLInputError.self) { try Self.normalize(line) }
        #expect(refused?.description == #"line 1: the line already has "mentions"; it would be overwritten"#)
        let (output, mentions) = try JSONLNormalizer.normalizeLine(line, lineNumber: 1, engine: Self.engine, mode: .replace,
                                                                   fields: JSONLFields(overwriteMentions: true))
        let expectedMentions = JSONWriter.serialize(.array(mentions.map { MentionJSON.object($0) }))
        #expect(output == #"{"mentions": "# + expectedMentions
                + #", "text": "Officials said Wang Jianguo left.",   "tail" : true }"#)
    }

    @Test func textWithEscapesRoundTrips() throws {
        let line = #"{"text":"Quote: \"Wang Chien-kuo\"\n\u6771\u4eac \ud83d\ude00 \/ done"}"#
        let (output, _) = try Self.normalize(line)
        let parsed = try JSONParser.parse(output)
        #expect(parsed["text"]?.stringValue == "Quote: \"Wang Jianguo\"\n東京 😀 / done")
        #expect(output.hasPrefix(#"{"text":"Quote: \"Wang Jianguo\"\n東京 😀 / done", "mentions": "#))
    }

    @Test func onlyTextMember() throws {
        let (output, mentions) = try Self.normalize(#"{"text":""}"#)
        #expect(mentions.isEmpty)
        #expect(output == #"{"text":"", "mentions": []}"#)
    }

    @Test func annotateMode() throws {
        let (output, _) = try Self.normalize(#"{"text": "Officials said Wang Chien-kuo left."}"#, mode: .annotate)
        #expect(try JSONParser.parse(output)["text"]?.stringValue == "Officials said Wang Chien-kuo [Wang Jianguo] left.")
    }

    /// A line whose text needs no rewriting keeps every byte, its text's escapes included; only "mentions" is added.
    @Test(arguments: [#"{"text": "caf\u00e9 \u0041nd \"more\"", "k": [ 1 , 2 ]}"#, #"{"k":null,"text":"Zorbin Quaylock"}"#,
                      #"{ "text" : "Reporters asked Chou Lin.\r\n" }"#])
    func untouchedLineKeepsItsBytes(_ line: String) throws {
        let (output, mentions) = try Self.normalize(line)
        #expect(!mentions.contains { $0.status == .resolved })
        let close = line.lastIndex(of: "}")!
        let expectedMentions = JSONWriter.serialize(.array(mentions.map { MentionJSON.object($0) }))
        #expect(output == line[..<close] + ", \"mentions\": " + expectedMentions + line[close...])
    }

    @Test(arguments: ["", "   ", "\t", " \r"])
    func blankLinesComeBackUnchanged(_ line: String) throws {
        let (output, mentions) = try JSONLNormalizer.normalizeLine(line, lineNumber: 3, engine: Self.engine, mode: .replace)
        #expect(output == line)
        #expect(mentions.isEmpty)
    }

    static let errors: [(String, String)] = [
        (#"{"text": "unterminated}"#, "line 12: not valid JSON: unterminated string at byte 23"),
        ("text: hello", "line 12: not valid JSON: invalid literal at byte 1"),
        (#"["text"]"#, "line 12: expected a JSON object"),
        (#""text""#, "line 12: expected a JSON object"),
        (#"{"txt": "hello"}"#, #"line 12: missing "text" (a string)"#),
        (#"{"text": 5}"#, #"line 12: "text" is a number, not a string"#),
        (#"{"text": null}"#, #"line 12: "text" is null, not a string"#),
        (#"{"text": "a", "mentions": [], "mentions": []}"#, #"line 12: the line already has "mentions"; it would be overwritten"#),
        ("{}", #"line 12: missing "text" (a string)"#),
    ]

    @Test(arguments: errors)
    func errorsNameTheLine(_ line: String, _ expected: String) {
        let error = #expect(throws: JSONLInputError.self) {
            try JSONLNormalizer.normalizeLine(line, lineNumber: 12, engine: Self.engine, mode: .replace)
        }
        #expect(error?.line == 12)
        #expect(error?.description == expected)
    }

    /// Other member names: the text in "body", the mentions written to "entities"; "text" and "mentions" are then
    /// ordinary members, kept byte for byte.
    @Test func textAndMentionsFieldsCanBeNamed() throws {
        let line = #"{"text": "keep me", "body": "Officials said Wang Chien-kuo left.", "mentions": 3}"#
        let fields = JSONLFields(text: "body", mentions: "entities")
        let (output, mentions) = try JSONLNormalizer.normalizeLine(line, lineNumber: 1, engine: Self.engine, mode: .replace, fields: fields)
        let expected = JSONWriter.serialize(.array(mentions.map { MentionJSON.object($0) }))
        #expect(output == #"{"text": "keep me", "body": "Officials said Wang Jianguo left.", "mentions": 3, "entities": "# + expected + "}")
    }

    /// `--skip-invalid`: a bad line goes through with an error member; a line that is not an object is wrapped.
    @Test(arguments: [
        (#"{"id": 4, "text": null}"#, #"{"id": 4, "text": null, "error": "line 9: \"text\" is null, not a string"}"#),
        (#"{"text": 1, "error": "old"}"#, #"{"text": 1, "error": "line 9: \"text\" is a number, not a string"}"#),
        ("not json", #"{"error": "line 9: not valid JSON: invalid literal at byte 1", "input": "not json"}"#),
        ("{}", #"{"error": "line 9: missing \"text\" (a string)"}"#),
    ])
    func aBadLinePassesThroughWithItsError(_ line: String, _ expected: String) throws {
        let error = #expect(throws: JSONLInputError.self) {
            try JSONLNormalizer.normalizeLine(line, lineNumber: 9, engine: Self.engine, mode: .replace)
        }
        let passed = JSONLNormalizer.passThrough(line, error: try #require(error))
        #expect(passed == expected)
        #expect((try? JSONParser.parse(passed)) != nil)
    }
}
