/// The readings JMnedict gives kanji family and given names (Data/lexicons/japanese-name-readings.tsv), for names
/// written in kanji: MT may read 佐藤和也 as "Masaya Sato" as well as Kazuya. The table stays as the sorted
/// bytes it ships as and is searched in place, so loading it costs one pass to find the line starts.
struct KanjiReadings: Sendable {
    /// Which list to read: a family name's or a given name's readings.
    enum NameClass: UInt8, Sendable {
        case family = 0x66 // "f"
        case given = 0x67 // "g"
    }

    private let bytes: [UInt8]
    /// The offset of each data line (comments skipped), in file order, which is byte order of the spelling.
    private let lineStarts: [Int]

    init(text: String) {
        bytes = Array(text.utf8)
        var starts = [Int]()
        starts.reserveCapacity(bytes.count / 16)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            if end > start && bytes[start] != 0x23 { starts.append(start) } // not "#"
            start = end + 1
        }
        lineStarts = starts
    }

    /// The readings of `spelling` as a name of `nameClass`, most widespread first (empty if not listed).
    func readings(of spelling: String, as nameClass: NameClass) -> [String] {
        let target = Array(spelling.utf8) + [0x09, nameClass.rawValue]
        var low = 0, high = lineStarts.count
        while low < high {
            let mid = (low + high) / 2
            if compare(line: lineStarts[mid], with: target) < 0 { low = mid + 1 } else { high = mid }
        }
        guard low < lineStarts.count, compare(line: lineStarts[low], with: target) == 0 else { return [] }
        var i = lineStarts[low] + target.count
        guard i < bytes.count, bytes[i] == 0x09 else { return [] }
        i += 1
        var end = i
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        return String(decoding: bytes[i..<end], as: UTF8.self).split(separator: " ").map(String.init)
    }

    /// Compares the line's first `target.count` bytes, then its next byte (a tab ends the key), with `target`.
    private func compare(line start: Int, with target: [UInt8]) -> Int {
        for (k, t) in target.enumerated() {
            let i = start + k
            guard i < bytes.count, bytes[i] != 0x0A else { return -1 }
            if bytes[i] != t { return bytes[i] < t ? -1 : 1 }
        }
        let next = start + target.count
        return next < bytes.count && bytes[next] != 0x09 && bytes[next] != 0x0A ? 1 : 0
    }
}
