/// A word of running text, located by Unicode code point offsets.
package struct Token: Sendable, Equatable {
    /// Offset of the first code point.
    package var start: Int
    /// Offset one past the last code point.
    package var end: Int
    /// The word as written.
    package var text: String
    /// The word folded by `KeyFolding` and joined ("Jin-ping" -> "jinping").
    package var key: String
    package var shape: Shape

    /// How a word is written, which tells whether it may be (part of) a name.
    package enum Shape: Sendable, Equatable {
        /// First letter upper case, the rest not all upper case: "Raimondo", "McDonald".
        case capitalized
        /// Two or more letters, all upper case: "BIDEN", "METI".
        case upper
        /// First letter lower case: "said", "von", "al-Assad" (see `isNameLike`).
        case lower
        /// Letters of a script without case (Han, kana, Hangul…), or digits.
        case uncased
    }
}

/// Splits text into words: runs of letters, digits and combining marks, joined across an apostrophe or hyphen
/// that stands between two letters ("O'Brien", "Jin-ping", "al-Assad"). A trailing possessive "'s" is left out
/// of the word ("Abe's" -> "Abe").
package enum Tokenizer {
    package static func tokens(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens = [Token]()
        var i = 0
        let n = scalars.count
        func isWord(_ s: Unicode.Scalar) -> Bool {
            if s.value < 0x80 {
                let b = UInt8(s.value)
                return (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
            }
            let p = s.properties
            return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
                || p.generalCategory == .spacingMark
        }
        func isJoiner(_ s: Unicode.Scalar) -> Bool {
            KeyFolding.isApostrophe(s) || s == "-" || s == "\u{2010}" || s == "\u{2011}"
        }
        while i < n {
            guard isWord(scalars[i]) else { i += 1; continue }
            let start = i
            while i < n {
                if isWord(scalars[i]) { i += 1; continue }
                if isJoiner(scalars[i]), i + 1 < n, isWord(scalars[i + 1]), i > start { i += 1; continue }
                break
            }
            var end = i
            // Possessive 's.
            if end - start > 3, scalars[end - 1] == "s" || scalars[end - 1] == "S", KeyFolding.isApostrophe(scalars[end - 2]) {
                end -= 2
            }
            let word = string(scalars[start..<end])
            tokens.append(Token(start: start, end: end, text: word, key: KeyFolding.key(word), shape: shape(of: scalars[start..<end])))
        }
        return tokens
    }

    /// A string from a run of scalars (encoded directly, which is much faster than appending to a scalar view).
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func shape(of scalars: ArraySlice<Unicode.Scalar>) -> Token.Shape {
        scalars.allSatisfy({ $0.isASCII }) ? asciiShape(of: scalars) : unicodeShape(of: scalars)
    }

    /// The shape by Unicode's letter and case properties.
    static func unicodeShape(of scalars: ArraySlice<Unicode.Scalar>) -> Token.Shape {
        guard let firstLetter = scalars.first(where: { $0.properties.isAlphabetic }) else { return .uncased }
        let p = firstLetter.properties
        if !p.isCased { return .uncased }
        if p.isLowercase {
            // "al-Assad", "bin-Salman": a lower-case particle joined to a capitalized name.
            if let hyphen = scalars.firstIndex(of: "-"), hyphen + 1 < scalars.endIndex,
               scalars[hyphen + 1].properties.isUppercase {
                return .capitalized
            }
            return .lower
        }
        let letters = scalars.filter { $0.properties.isAlphabetic && $0.properties.isCased }
        if letters.count >= 2 && letters.allSatisfy({ $0.properties.isUppercase }) { return .upper }
        return .capitalized
    }

    /// `shape(of:)` for a word of ASCII alone, without Unicode property look-ups (most words of English text):
    /// the letters are A–Z and a–z, all cased.
    static func asciiShape(of scalars: ArraySlice<Unicode.Scalar>) -> Token.Shape {
        func isUpper(_ s: Unicode.Scalar) -> Bool { s.value >= 0x41 && s.value <= 0x5A }
        func isLower(_ s: Unicode.Scalar) -> Bool { s.value >= 0x61 && s.value <= 0x7A }
        guard let firstLetter = scalars.first(where: { isUpper($0) || isLower($0) }) else { return .uncased }
        if isLower(firstLetter) {
            if let hyphen = scalars.firstIndex(of: "-"), hyphen + 1 < scalars.endIndex, isUpper(scalars[hyphen + 1]) {
                return .capitalized
            }
            return .lower
        }
        var letters = 0, upper = 0
        for s in scalars where isUpper(s) || isLower(s) {
            letters += 1
            if isUpper(s) { upper += 1 }
        }
        return letters >= 2 && upper == letters ? .upper : .capitalized
    }
}
