/// Finds the spans of running text that may be names (stage "spot" of the pipeline): runs of capitalized or
/// upper-case words joined by single spaces, with lower-case particles inside them ("Ursula von der Leyen").
struct Spotter {
    let stoplists: Stoplists

    /// Particles that may stand inside a name run in lower case.
    static let particles: Set<String> = ["von", "van", "der", "den", "de", "da", "di", "del", "della", "du", "le",
                                         "la", "bin", "binti", "ibn", "al", "el", "dos", "das", "ter", "ten", "zu"]

    /// Runs of name-like tokens, as index ranges into `tokens`.
    func runs(_ tokens: [Token], _ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var runs = [Range<Int>]()
        var i = 0
        while i < tokens.count {
            guard isNameLike(tokens[i]) else { i += 1; continue }
            var j = i + 1
            while j < tokens.count, joinedBySpace(tokens[j - 1], tokens[j], scalars) {
                if isNameLike(tokens[j]) { j += 1; continue }
                // A particle continues the run only when a name-like word follows it.
                if tokens[j].shape == .lower, Self.particles.contains(tokens[j].key) {
                    var k = j
                    while k < tokens.count, tokens[k].shape == .lower, Self.particles.contains(tokens[k].key),
                          joinedBySpace(tokens[k - 1], tokens[k], scalars) { k += 1 }
                    if k < tokens.count, isNameLike(tokens[k]), joinedBySpace(tokens[k - 1], tokens[k], scalars) {
                        j = k + 1
                        continue
                    }
                }
                break
            }
            // Function words stay in the run ("An" is also a Korean surname); the decider matches names across
            // them but never reports them as names.
            runs.append(i..<j)
            i = j
        }
        return runs
    }

    func isNameLike(_ token: Token) -> Bool {
        switch token.shape {
        case .capitalized, .upper: return true
        case .uncased: return token.text.unicodeScalars.contains { !$0.isASCII && $0.properties.isAlphabetic }
        case .lower: return false
        }
    }

    /// Whether two tokens are separated only by spaces (no line break, no punctuation).
    func joinedBySpace(_ a: Token, _ b: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        guard b.start > a.end else { return false }
        if b.start - a.end > 3 { return false }
        // Invisible format characters (a zero-width space, a word joiner) join words as a space does, so normalize
        // reads "Dai\u{200B}Qi" as explain does.
        return scalars[a.end..<b.start].allSatisfy { $0 == " " || $0 == "\u{00A0}" || $0.properties.isDefaultIgnorableCodePoint }
    }

    /// Whether a token opens a sentence (only spaces, quotes and brackets since a full stop, line break or start).
    func opensSentence(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        var i = token.start - 1
        while i >= 0 {
            let s = scalars[i]
            if s == " " || s == "\u{00A0}" || s == "\"" || s == "“" || s == "‘" || s == "(" || s == "'" { i -= 1; continue }
            return s == "." || s == "!" || s == "?" || s == "\n" || s == "\r" || s == ":" || s == "|"
        }
        return true
    }
}
