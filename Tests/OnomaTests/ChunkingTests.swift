import Testing
@testable import Onoma

/// Long texts are read in chunks of whole paragraphs (issue 11): the cut points, and that nothing of the result
/// depends on them — offsets, losslessness, and what earlier paragraphs named.
@Suite struct ChunkingTests {
    static var engine: Engine { NormalizePropertyTests.engine }

    @Test func chunksAreWholeParagraphsOfAboutTheLength() {
        let paragraph = String(repeating: "word ", count: 99) + "end.\n" // 500 code points
        let scalars = Array(String(repeating: paragraph, count: 9).unicodeScalars)
        let chunks = Engine.chunks(scalars)
        #expect(chunks.first?.lowerBound == 0 && chunks.last?.upperBound == scalars.count)
        #expect(zip(chunks, chunks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(chunks.dropLast().allSatisfy { scalars[$0.upperBound - 1] == "\n" && $0.count == 2_000 })
        // A paragraph longer than a chunk is one chunk; CRLF is not cut between its two characters.
        let long = Array((String(repeating: "x", count: 5_000) + "\r\nshort\r\n").unicodeScalars)
        #expect(Engine.chunks(long) == [0..<5_002, 5_002..<long.count])
        #expect(Engine.chunks(Array("short".unicodeScalars)) == [0..<5])
    }

    @Test func aLongTextKeepsOffsetsLosslessnessAndContextAcrossChunks() throws {
        let opening = "Secretary of State Antony Blinken arrived in Tokyo on Monday.\n"
        let filler = String(repeating: "The talks went on through the day and into the evening, officials said.\n", count: 60)
        let later = "Bu Linken met Kishida Fumio.\n"
        let text = opening + filler + later + filler + "Blinken left on Tuesday.\n"
        #expect(text.unicodeScalars.count > 3 * Engine.chunkLength)
        let result = Self.engine.normalize(text)
        let scalars = Array(text.unicodeScalars)
        for mention in result.mentions {
            #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.surface)
        }
        #expect(result.text == opening + filler + "Antony Blinken met Fumio Kishida.\n" + filler + "Blinken left on Tuesday.\n")
        // The family name alone, three chunks after the full name, is resolved with the document as its support.
        let alone = try #require(result.mentions.last { $0.surface == "Blinken" })
        #expect(alone.status == .resolved)
        #expect(alone.chosen?.context.contains("document") == true)
        #expect(Self.engine.normalize(result.text).text == result.text)
    }
}
