import Testing
@testable import Onoma

/// Streaming normalize: an input read in chunks of any size, however the cuts fall (inside a line, a CRLF pair or a
/// multi-byte UTF-8 sequence, across documents), gives the lines, the errors and the output of the whole input.
@Suite struct StreamingTests {
    static var engine: Engine { NormalizePropertyTests.engine }

    /// A source of `bytes` that gives at most `step` bytes a read (so reads end anywhere too).
    static func source(_ bytes: [UInt8], step: Int = .max) -> ChunkedLineReader.Source {
        var position = 0
        return { buffer in
            let n = min(buffer.count, step, bytes.count - position)
            for i in 0..<n { buffer[i] = bytes[position + i] }
            position += n
            return n
        }
    }

    /// The lines and breaks the whole text gives, as the command split it before streaming.
    static func wholeLines(_ text: String) -> (mark: String, lines: [(String, String)]) {
        let (mark, body) = TextLines.splitByteOrderMark(text)
        let lines = TextLines.split(body)
        let lineBreak = String(TextLines.lineBreak(of: body))
        let lastEnds = text.unicodeScalars.last == lineBreak.unicodeScalars.first
        return (mark, lines.enumerated().map { ($1, $0 + 1 < lines.count || lastEnds ? lineBreak : "") })
    }

    static func streamedLines(_ text: String, chunkSize: Int, step: Int = .max) throws -> (mark: String, lines: [(String, String)]) {
        var reader = JSONLLineReader(chunkSize: chunkSize, source: source(Array(text.utf8), step: step))
        var lines = [(String, String)]()
        while let (line, end) = try reader.next() { lines.append((line, end)) }
        return (reader.mark, lines)
    }

    static let samples = [
        "", "\n", "\n\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\r\n\r\nb", "\u{FEFF}", "\u{FEFF}\n", "\u{FEFF}{\"a\": 1}\r\n",
        "old\rmac\r", "old\rmac", "\r", "mixed\rthen\nfeed\r", "{\"text\": \"caf\u{00E9} 東京 😀\"}\n\n  \n{\"text\": \"Москва\"}",
        "日本語\n한국어\r\nрусский\n👩‍👩‍👧",
    ]

    @Test func linesAreThoseOfTheWholeInputForEveryChunkSize() throws {
        for text in Self.samples {
            let whole = Self.wholeLines(text)
            for chunkSize in [1, 2, 3, 5, 7, 64, 1 << 12] {
                for step in [1, 3, Int.max] {
                    let streamed = try Self.streamedLines(text, chunkSize: chunkSize, step: step)
                    #expect(streamed.mark == whole.mark, "\(text.debugDescription) chunk \(chunkSize)")
                    #expect(streamed.lines.map(\.0) == whole.lines.map(\.0), "\(text.debugDescription) chunk \(chunkSize)")
                    #expect(streamed.lines.map(\.1) == whole.lines.map(\.1), "\(text.debugDescription) chunk \(chunkSize)")
                }
            }
        }
    }

    @Test func runsOfLinesPutTogetherAreTheInput() throws {
        for text in Self.samples {
            for chunkSize in [1, 2, 3, 5, 64] {
                var reader = ChunkedLineReader(chunkSize: chunkSize, source: Self.source(Array(text.utf8), step: 3))
                var bytes = [UInt8]()
                while let (run, offset) = try reader.nextLines() {
                    #expect(offset == bytes.count)
                    // A run ends after a line feed, or at the end: never inside a UTF-8 sequence.
                    #expect(run.last == 0x0A || offset + run.count == text.utf8.count)
                    bytes += run
                }
                #expect(bytes == Array(text.utf8))
            }
        }
    }

    /// The first bad byte is found at its offset in the whole input, also when a chunk ends inside its sequence.
    @Test func aBadByteIsNamedByItsOffsetInTheWholeInput() throws {
        let cases: [[UInt8]] = [
            [0x41, 0xFF, 0x42], Array("Pu Jing\n".utf8) + [0xE2, 0x82], [0x44, 0x61, 0x69, 0xC3, 0xA9, 0x80, 0x0A],
            Array("東京\n東".utf8) + [0xE4, 0xBA, 0x0A] + Array("ok\n".utf8), Array("ok\n".utf8) + [0xED, 0xA0, 0x80],
            Array(String(repeating: "é", count: 40).utf8) + [0xC3],
        ]
        for bytes in cases {
            let expected = try #require(UTF8Validation.firstInvalidByte(bytes))
            for chunkSize in [1, 2, 3, 4, 5, 8, 1 << 16] {
                var lines = ChunkedLineReader(chunkSize: chunkSize, source: Self.source(bytes))
                var runs = ChunkedLineReader(chunkSize: chunkSize, source: Self.source(bytes))
                for next in [{ try lines.nextLine().map { _ in () } }, { try runs.nextLines().map { _ in () } }] {
                    do {
                        while try next() != nil {}
                        Issue.record("no error for \(bytes) at chunk size \(chunkSize)")
                    } catch let error as UTF8StreamError {
                        #expect(error.offset == expected && error.byte == bytes[expected], "\(bytes) chunk \(chunkSize)")
                    }
                }
            }
        }
    }

    /// Undecided chunk ends are never taken: cutting where a non-final chunking ends gives the whole text's chunks.
    @Test func chunksOfAPrefixAreChunksOfTheWhole() {
        var random = SeededGenerator(seed: 20261202)
        let pieces = ["word ", "longer words here ", "\n", "\r\n", "\r", "\n\n", "é", "東京", "\u{2029}"]
        for _ in 0..<300 {
            var text = [Unicode.Scalar]()
            while text.count < 9_000 { text += pieces.randomElement(using: &random)!.unicodeScalars }
            let whole = Engine.chunks(text)
            // Chunk in parts: decided chunks of a growing prefix, then the rest.
            var cuts = [Range<Int>]()
            var start = 0
            var end = 0
            while end < text.count {
                end = min(text.count, end + Int.random(in: 1...3_000, using: &random))
                let part = Array(text[start..<end])
                let decided = Engine.chunks(part, final: false)
                cuts += decided.map { ($0.lowerBound + start)..<($0.upperBound + start) }
                start += decided.last?.upperBound ?? 0
            }
            cuts += Engine.chunks(Array(text[start...])).map { ($0.lowerBound + start)..<($0.upperBound + start) }
            #expect(cuts == whole)
        }
    }

    static func streamed(_ text: String, parts sizes: [Int], mode: RewriteMode = .replace) -> NormalizationResult {
        var stream = TextStreamNormalizer(engine: engine, mode: mode)
        var output = ""
        var mentions = [Mention]()
        let scalars = Array(text.unicodeScalars)
        var position = 0
        var size = sizes.makeIterator()
        while position < scalars.count {
            let n = min(scalars.count - position, size.next() ?? scalars.count)
            let part = String(String.UnicodeScalarView(scalars[position..<(position + n)]))
            position += n
            let result = stream.append(part)
            output += result.text
            mentions += result.mentions
        }
        let rest = stream.finish()
        return NormalizationResult(text: output + rest.text, mentions: mentions + rest.mentions)
    }

    /// A long text normalized in parts (cut anywhere, even between a CR and its LF) is the text normalized whole:
    /// the same bytes, mentions at the same offsets, and a family name far from its full name still resolved.
    @Test(arguments: RewriteMode.allCases) func aTextInPartsIsNormalizedAsWhole(mode: RewriteMode) {
        var random = SeededGenerator(seed: 7)
        let sentences = ["Secretary of State Antony Blinken arrived in Tokyo on Monday.", "Bu Linken met Kishida Fumio.",
                         "The talks went on through the day and into the evening, officials said.", "Kishida spoke.",
                         "Blinken left on Tuesday.", "Annalena Baerbok joined them; Baerbok said little.", "東京 😀 café."]
        let breaks = ["\n", "\r\n", "\n\n", "\r\n\r\n", " ", " ", "\r"]
        for round in 0..<12 {
            var text = ""
            while text.unicodeScalars.count < 9_000 {
                text += sentences.randomElement(using: &random)! + breaks.randomElement(using: &random)!
            }
            if round % 3 == 0 { text += "No break at the end" }
            let whole = Self.engine.normalize(text, mode: mode)
            for sizes in [[1, 2, 3], [97], [1_999, 1, 2_001], [Int.random(in: 1...5_000, using: &random)], [100_000]] {
                let parts = Self.streamed(text, parts: Array(repeating: sizes, count: 10_000).flatMap { $0 }, mode: mode)
                #expect(Array(parts.text.utf8) == Array(whole.text.utf8), "round \(round), parts \(sizes)")
                #expect(parts.mentions.map { [$0.start, $0.end] } == whole.mentions.map { [$0.start, $0.end] })
                #expect(parts.mentions.map(\.surface) == whole.mentions.map(\.surface))
                #expect(parts.mentions.map(\.status) == whole.mentions.map(\.status))
            }
        }
    }
}
