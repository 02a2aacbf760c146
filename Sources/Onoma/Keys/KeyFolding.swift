import Foundation

/// The one normalization applied alike to gazetteer names and to text, so that keys built at load time and keys
/// built from a mention can never drift apart: compatibility decomposition, diacritics stripped, case folded,
/// apostrophes dropped, every other non-alphanumeric character a token break. "Shinzō" = "shinzo",
/// "DAI-QI" = ["dai", "qi"], "Zelens'kyy" = "zelenskyy". A key is the tokens joined without spaces.
package enum KeyFolding {
    /// The folded tokens of `text`.
    package static func tokens(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTokens(text) }
        var tokens = [String]()
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { tokens.append(String(current)); current = String.UnicodeScalarView() }
        }
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            if isApostrophe(scalar) { continue }
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark {
                continue
            }
            if let replacement = specialLetters[scalar] {
                current.append(contentsOf: replacement.unicodeScalars)
                continue
            }
            if properties.isAlphabetic || properties.numericType != nil {
                if scalar.isASCII {
                    let byte = UInt8(scalar.value)
                    current.append(Unicode.Scalar((65...90).contains(byte) ? byte + 32 : byte))
                } else {
                    current.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
                }
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    /// The same folding for pure ASCII text, without Unicode decomposition.
    private static func asciiTokens(_ text: String) -> [String] {
        var tokens = [String]()
        var current = [UInt8]()
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32)
            case UInt8(ascii: "'"), UInt8(ascii: "`"): continue
            default:
                if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
            }
        }
        if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
        return tokens
    }

    /// The folded key of `text`: its tokens joined ("Dai Qi" = "Daiqi" = "DAI-QI" = "daiqi").
    package static func key(_ text: String) -> String { tokens(text).joined() }

    /// Apostrophe-like characters, which join the letters around them ("O'Brien", "Zelens'kyy").
    package static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x60, 0xB4, 0x2019, 0x2018, 0x02BC, 0x02B9, 0x02BB, 0x02BE, 0x02BF: return true
        default: return false
        }
    }

    private static let specialLetters: [Unicode.Scalar: String] = [
        "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ħ": "h", "ŀ": "l",
    ]
}

/// A coarse sound skeleton of a folded Latin key, used to say whether two spellings sound alike
/// ("sunak" ~ "sunac", "yellen" ~ "yellin"): vowels, h, w and y dropped, consonants merged into classes
/// (k/g/c/q, t/d, p/b, f/v, s/z/x, j/ch, l/r, m/n), doubled letters collapsed.
package enum PhoneticSkeleton {
    package static func of(_ key: String) -> String {
        var out = [UInt8]()
        let bytes = Array(key.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            var cls: UInt8?
            switch b {
            case UInt8(ascii: "c"):
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "h") { cls = UInt8(ascii: "J"); i += 1 } else { cls = UInt8(ascii: "K") }
            case UInt8(ascii: "k"), UInt8(ascii: "g"), UInt8(ascii: "q"): cls = UInt8(ascii: "K")
            case UInt8(ascii: "t"), UInt8(ascii: "d"): cls = UInt8(ascii: "T")
            case UInt8(ascii: "p"), UInt8(ascii: "b"): cls = UInt8(ascii: "P")
            case UInt8(ascii: "f"), UInt8(ascii: "v"): cls = UInt8(ascii: "F")
            case UInt8(ascii: "s"), UInt8(ascii: "z"), UInt8(ascii: "x"): cls = UInt8(ascii: "S")
            case UInt8(ascii: "j"): cls = UInt8(ascii: "J")
            case UInt8(ascii: "l"), UInt8(ascii: "r"): cls = UInt8(ascii: "L")
            case UInt8(ascii: "m"), UInt8(ascii: "n"): cls = UInt8(ascii: "N")
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
                 UInt8(ascii: "h"), UInt8(ascii: "w"), UInt8(ascii: "y"): cls = nil
            default: cls = b
            }
            if let cls, out.last != cls { out.append(cls) }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A spelling key for a Western or Cyrillic-born name part, to say whether two spellings write one name
/// ("karl" ~ "carl", "sofia" ~ "sophia", "sergey" ~ "sergei", "yuriy" ~ "yuri", "aleksey" ~ "alexei"): ph → f,
/// th → t, ck, c before a back vowel or a consonant, q and qu → k, c before e, i or y → s, x → ks, w → v, j → i,
/// y → i, doubled letters once. Unlike `PhoneticSkeleton` it keeps every vowel (e and i stay apart: Lena is not
/// Lina) and every consonant's own letter, so a name's gender ending (Carl, Carla) or another name (John, Joan)
/// never collides.
enum NameSpelling {
    static func key(_ folded: String) -> String {
        let b = Array(folded.utf8)
        var out = [UInt8]()
        func at(_ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }
        func isFront(_ c: UInt8) -> Bool { c == UInt8(ascii: "e") || c == UInt8(ascii: "i") || c == UInt8(ascii: "y") }
        var i = 0
        while i < b.count {
            let c = b[i]
            var emit: [UInt8]
            switch c {
            case UInt8(ascii: "p") where at(i + 1) == UInt8(ascii: "h"): emit = [UInt8(ascii: "f")]; i += 1
            case UInt8(ascii: "t") where at(i + 1) == UInt8(ascii: "h"): emit = [UInt8(ascii: "t")]; i += 1
            case UInt8(ascii: "c") where at(i + 1) == UInt8(ascii: "k"): emit = [UInt8(ascii: "k")]; i += 1
            case UInt8(ascii: "c") where at(i + 1) == UInt8(ascii: "h"): emit = [UInt8(ascii: "c"), UInt8(ascii: "h")]; i += 1
            case UInt8(ascii: "c"): emit = [isFront(at(i + 1)) ? UInt8(ascii: "s") : UInt8(ascii: "k")]
            case UInt8(ascii: "q"):
                emit = [UInt8(ascii: "k")]
                if at(i + 1) == UInt8(ascii: "u") { i += 1 }
            case UInt8(ascii: "x"): emit = [UInt8(ascii: "k"), UInt8(ascii: "s")]
            case UInt8(ascii: "w"): emit = [UInt8(ascii: "v")]
            case UInt8(ascii: "j"), UInt8(ascii: "y"): emit = [UInt8(ascii: "i")]
            default: emit = [c]
            }
            for e in emit where out.last != e { out.append(e) }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// String distances on folded keys.
package enum Distance {
    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions), or `limit + 1` once it is
    /// known to exceed `limit`.
    package static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        if abs(x.count - y.count) > limit { return limit == .max ? max(x.count, y.count) : limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { v = min(v, previous2[j - 2] + 1) }
                current[j] = v
                rowMin = min(rowMin, v)
            }
            if limit != .max, rowMin > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }

    /// Jaro-Winkler similarity in [0, 1].
    package static func jaroWinkler(_ a: String, _ b: String) -> Double {
        let x = Array(a.utf8), y = Array(b.utf8)
        if x.isEmpty && y.isEmpty { return 1 }
        if x.isEmpty || y.isEmpty { return 0 }
        let window = max(0, max(x.count, y.count) / 2 - 1)
        var xMatched = [Bool](repeating: false, count: x.count)
        var yMatched = [Bool](repeating: false, count: y.count)
        var matches = 0
        for i in 0..<x.count {
            let lo = max(0, i - window), hi = min(y.count - 1, i + window)
            if lo > hi { continue }
            for j in lo...hi where !yMatched[j] && x[i] == y[j] {
                xMatched[i] = true; yMatched[j] = true; matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0, k = 0
        for i in 0..<x.count where xMatched[i] {
            while !yMatched[k] { k += 1 }
            if x[i] != y[k] { transpositions += 1 }
            k += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(x.count) + m / Double(y.count) + (m - Double(transpositions / 2)) / m) / 3
        var prefix = 0
        while prefix < min(4, x.count, y.count), x[prefix] == y[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }
}
