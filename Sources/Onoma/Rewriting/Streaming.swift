/// Normalizing inputs of any length in bounded memory: bytes read in chunks and cut at line feeds, UTF-8 checked as
/// they come (a bad byte is named by its offset in the whole input), JSONL lines handed out one by one, and a text
/// normalized chunk by chunk with its document context carried along, so that the result is byte for byte the one
/// of the whole input read at once.

/// A byte that is not part of well-formed UTF-8, at `offset` from the start of the input.
package struct UTF8StreamError: Error, Sendable {
    /// The offset of the byte in the whole input.
    package let offset: Int
    /// The byte.
    package let byte: UInt8
}

/// Reads a byte stream in chunks of at most `chunkSize` bytes (more only for a line longer than that) and hands
/// out runs of whole lines, each checked as UTF-8. The memory it holds is one chunk and the longest line.
package struct ChunkedLineReader {
    /// Reads up to the given number of bytes into the buffer; returns how many it read, 0 at the end of the input.
    package typealias Source = (UnsafeMutableRawBufferPointer) throws -> Int

    private let source: Source
    private let chunkSize: Int
    private var buffer = [UInt8]()
    private var head = 0
    /// The offset in the whole input of `buffer[0]`.
    private var base = 0
    private var ended = false
    /// Whether any line feed has been seen.
    package private(set) var sawLineFeed = false

    /// A reader of `source` in chunks of `chunkSize` bytes (at least 1).
    package init(chunkSize: Int, source: @escaping Source) {
        self.chunkSize = max(1, chunkSize)
        self.source = source
    }

    /// The next line without its line feed, the offset of its first byte, and whether a line feed ended it (not for
    /// a last line without one); nil at the end.
    package mutating func nextLine() throws -> (bytes: ArraySlice<UInt8>, offset: Int, terminated: Bool)? {
        var searched = head
        while true {
            if let feed = firstLineFeed(from: searched) {
                sawLineFeed = true
                let line = buffer[head..<feed]
                let offset = base + head
                head = feed + 1
                try check(line, at: offset)
                return (line, offset, true)
            }
            searched = buffer.count
            if ended { return try rest().map { ($0.bytes, $0.offset, false) } }
            searched -= head
            try fill()
            searched += head
        }
    }

    /// The next run of whole lines, line feeds included (the last may lack one at the end of the input), and the
    /// offset of its first byte; nil at the end. Every run but a long line's is at most about a chunk.
    package mutating func nextLines() throws -> (bytes: ArraySlice<UInt8>, offset: Int)? {
        while true {
            if head < buffer.count, ended || buffer.count - head >= chunkSize, let feed = lastLineFeed() {
                sawLineFeed = true
                let run = buffer[head...feed]
                let offset = base + head
                head = feed + 1
                try check(run, at: offset)
                return (run, offset)
            }
            if ended { return try rest() }
            try fill()
        }
    }

    /// What is left at the end of the input (nil: nothing).
    private mutating func rest() throws -> (bytes: ArraySlice<UInt8>, offset: Int)? {
        guard head < buffer.count else { return nil }
        let run = buffer[head...]
        let offset = base + head
        head = buffer.count
        try check(run, at: offset)
        return (run, offset)
    }

    /// Drops the bytes handed out and reads one more chunk after the rest.
    private mutating func fill() throws {
        if head > 0 {
            buffer.removeSubrange(0..<head)
            base += head
            head = 0
        }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        var read = 0
        do {
            // A pipe gives less than asked: read on until the chunk is full or the input ends.
            while read < chunkSize {
                let n = try buffer.withUnsafeMutableBytes { try source(UnsafeMutableRawBufferPointer(rebasing: $0[(old + read)...])) }
                if n == 0 { break }
                read += n
            }
        } catch {
            buffer.removeSubrange(old...)
            throw error
        }
        buffer.removeSubrange((old + read)...)
        if read < chunkSize { ended = true }
    }

    private func firstLineFeed(from start: Int) -> Int? {
        buffer.withUnsafeBufferPointer { all in
            guard start < all.count else { return nil }
            return UnsafeBufferPointer(rebasing: all[start...]).firstIndex(of: 0x0A).map { $0 + start }
        }
    }

    private func lastLineFeed() -> Int? {
        buffer.withUnsafeBufferPointer { all in
            UnsafeBufferPointer(rebasing: all[head...]).lastIndex(of: 0x0A).map { $0 + head }
        }
    }

    /// A line feed never lies inside a UTF-8 sequence, so checking each run of lines alone finds the first bad byte
    /// of the whole input, at the same offset.
    private func check(_ bytes: ArraySlice<UInt8>, at offset: Int) throws {
        let bad = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidByte($0) }
        if let bad { throw UTF8StreamError(offset: offset + bad, byte: bytes[bytes.startIndex + bad]) }
    }
}

/// The lines of a JSONL input read in chunks, as `TextLines` splits a whole one: a byte order mark before the first
/// line is handed out apart (`mark`), each line keeps its line break (a last line without one stays without), and a
/// file of old Mac line endings (carriage returns and no line feed) is split at its carriage returns.
package struct JSONLLineReader {
    private var reader: ChunkedLineReader
    private var started = false
    private var pending = [(line: String, end: String)]()
    /// The byte order mark the input began with ("" if none), known once the first line has been read.
    package private(set) var mark = ""

    /// A reader of `source` in chunks of `chunkSize` bytes.
    package init(chunkSize: Int, source: @escaping ChunkedLineReader.Source) {
        reader = ChunkedLineReader(chunkSize: chunkSize, source: source)
    }

    /// The next line (without its break) and its break ("\n", "\r" or ""); nil at the end.
    package mutating func next() throws -> (line: String, end: String)? {
        if !pending.isEmpty { return pending.removeFirst() }
        guard let (bytes, _, terminated) = try reader.nextLine() else { return nil }
        var line = String(decoding: bytes, as: UTF8.self)
        if !started {
            started = true
            let (mark, rest) = TextLines.splitByteOrderMark(line)
            self.mark = mark
            line = rest
        }
        if terminated { return (line, "\n") }
        guard !reader.sawLineFeed, line.unicodeScalars.contains("\r") else { return line.isEmpty ? nil : (line, "") }
        // No line feed in the whole input: its lines end at carriage returns (the whole input is this one line).
        var parts = line.unicodeScalars.split(separator: "\r", omittingEmptySubsequences: false).map { String($0) }
        let endsWithBreak = line.unicodeScalars.last == "\r"
        if endsWithBreak { parts.removeLast() }
        pending = parts.enumerated().map { ($1, $0 + 1 < parts.count || endsWithBreak ? "\r" : "") }
        return pending.isEmpty ? nil : pending.removeFirst()
    }
}

/// A text normalized as it is read: `append` takes the next part (cut anywhere between code points) and returns
/// what is decided of the output, `finish` the rest. The parts' outputs put together, and their mentions (offsets
/// into the whole text), are those of `Engine.normalize` of the whole text: the text is cut only where the engine's
/// own chunking of the whole text cuts (`Engine.chunks(_:final:)`), and the document context goes from chunk to
/// chunk as it does there. What it holds is the undecided rest: under about two chunks, or a longer paragraph.
package struct TextStreamNormalizer {
    private let engine: Engine
    private let mode: RewriteMode
    private var context = DocumentContext()
    private var pending = [Unicode.Scalar]()
    /// The code points of the text before `pending`.
    private var consumed = 0

    /// A normalizer of one text (one document) with `engine`.
    package init(engine: Engine, mode: RewriteMode) {
        self.engine = engine
        self.mode = mode
    }

    /// Reads the next part of the text; returns the output of the chunks now decided.
    package mutating func append(_ text: String) -> NormalizationResult {
        pending.append(contentsOf: text.unicodeScalars)
        return take(final: false)
    }

    /// Ends the text; returns the output of the rest.
    package mutating func finish() -> NormalizationResult {
        take(final: true)
    }

    private mutating func take(final: Bool) -> NormalizationResult {
        // Before the end, nothing is decided until more than a chunk's length waits.
        guard final || pending.count > Engine.chunkLength else { return NormalizationResult(text: "", mentions: []) }
        let chunks = Engine.chunks(pending, final: final)
        guard let end = chunks.last?.upperBound else { return NormalizationResult(text: "", mentions: []) }
        let result = engine.normalize(pending, chunks: chunks, offset: consumed, mode: mode, context: &context)
        pending.removeSubrange(0..<end)
        consumed += end
        return result
    }
}
