/// A lexicon file looked up by its first field without a `String` per line: the file's bytes and the offsets of
/// its lines, in byte order of their first fields. Lexicons hold hundreds of thousands of lines, and building
/// dictionaries of them was most of the start-up time; this is built with one pass over the bytes (a sort only if
/// the file is not already sorted, as Scripts/build_lexicons.py writes it).
struct SortedLexicon: Sendable {
    private let bytes: [UInt8]
    /// Per line: where it starts, where its first field ends (tab or line end) and where the line ends.
    private let lines: [(start: Int32, keyEnd: Int32, end: Int32)]

    /// The lines of `text` but comments (`#`) and blank ones; fields are tab-separated.
    init(_ text: String?) {
        let bytes = Array((text ?? "").utf8)
        var lines = [(start: Int32, keyEnd: Int32, end: Int32)]()
        lines.reserveCapacity(bytes.count / 12)
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            while start < buffer.count {
                var end = start
                var keyEnd = -1
                while end < buffer.count && buffer[end] != 0x0A {
                    if keyEnd < 0 && buffer[end] == 0x09 { keyEnd = end }
                    end += 1
                }
                var lineEnd = end
                if lineEnd > start && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                if lineEnd > start && buffer[start] != UInt8(ascii: "#") {
                    lines.append((Int32(start), Int32(keyEnd < 0 ? lineEnd : min(keyEnd, lineEnd)), Int32(lineEnd)))
                }
                start = end + 1
            }
        }
        self.bytes = bytes
        let ordered = zip(lines, lines.dropFirst()).allSatisfy { Self.compare(bytes, $0.0, $0.1) < 0 }
        self.lines = ordered ? lines : lines.sorted { Self.compare(bytes, $0, $1) < 0 }
    }

    /// How many lines the lexicon has.
    var count: Int { lines.count }

    /// Whether a line's first field is `key`.
    func contains(_ key: String) -> Bool { find(key) != nil }

    /// The rest of the line after the first field's tab ("" when it has none), for the line whose first field is `key`.
    func value(of key: String) -> String? {
        guard let i = find(key) else { return nil }
        let line = lines[i]
        let from = Int(line.keyEnd) + (line.keyEnd < line.end ? 1 : 0)
        return String(decoding: bytes[from..<Int(line.end)], as: UTF8.self)
    }

    private func find(_ key: String) -> Int? {
        var key = key
        return key.withUTF8 { k -> Int? in
            bytes.withUnsafeBufferPointer { buffer -> Int? in
                var low = 0, high = lines.count - 1
                while low <= high {
                    let middle = (low + high) / 2
                    let line = lines[middle]
                    let c = Self.compare(UnsafeBufferPointer(rebasing: buffer[Int(line.start)..<Int(line.keyEnd)]), k)
                    if c == 0 { return middle }
                    if c < 0 { low = middle + 1 } else { high = middle - 1 }
                }
                return nil
            }
        }
    }

    private static func compare(_ bytes: [UInt8], _ a: (start: Int32, keyEnd: Int32, end: Int32),
                                _ b: (start: Int32, keyEnd: Int32, end: Int32)) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            compare(UnsafeBufferPointer(rebasing: buffer[Int(a.start)..<Int(a.keyEnd)]),
                    UnsafeBufferPointer(rebasing: buffer[Int(b.start)..<Int(b.keyEnd)]))
        }
    }

    /// Byte order: negative, zero or positive.
    private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(a.count, b.count)
        for i in 0..<n where a[i] != b[i] { return Int(a[i]) - Int(b[i]) }
        return a.count - b.count
    }
}
