/// One way of writing an entity's name in Latin letters, derived from its canonical name or one alias: a sequence
/// of words (or syllables), each with its alternative spellings, and which of them form the family name.
public struct NameForm: Sendable {
    /// The alias the form comes from (index into `Entity.aliases`), or nil for the canonical name.
    public var aliasIndex: Int?
    /// The words in the order the source writes them; each word's first spelling is its standard one.
    public var words: [[Spelling]]
    /// The words that are the family name, when the name is a person's and the split is known.
    public var family: Range<Int>?
    /// Whether the given-name words are separate names, each of which may stand alone with the family name
    /// (Western first and middle names); false for one given name split at a hyphen ("Min-seok").
    public var givenNamesSeparable = false

    public init(aliasIndex: Int?, words: [[Spelling]], family: Range<Int>?) {
        self.aliasIndex = aliasIndex
        self.words = words
        self.family = family
    }

    /// The given-name words: all words outside the family range.
    public var givenWords: [[Spelling]] {
        guard let family else { return [] }
        return Array(words[..<family.lowerBound]) + Array(words[family.upperBound...])
    }

    /// The family-name words.
    public var familyWords: [[Spelling]] {
        guard let family else { return [] }
        return Array(words[family])
    }

    /// The words with family and given names in the other order.
    public var swappedWords: [[Spelling]]? {
        guard let family, !givenWords.isEmpty else { return nil }
        return family.lowerBound == 0 ? givenWords + familyWords : familyWords + givenWords
    }

    /// The standard spelling of some words, joined: the first spelling of each.
    static func primary(_ words: [[Spelling]]) -> String { words.map { $0.first?.text ?? "" }.joined() }
}

/// A key spelled from a sequence of words: the text, the systems used and its score (see `combine`).
struct SpelledKey {
    var text: String
    var systems: SystemSet
    var score: Float

    /// The score of a key so far combined with one more spelling: the weakest spelling's weight, less 0.02 for
    /// each further non-standard spelling (weight below 0.97), so keys with more unusual spellings rank lower.
    static func combine(_ score: Float, _ weight: Float, first: Bool) -> Float {
        if first { return weight }
        let lower = min(score, weight)
        return weight < 0.97 && score < 0.97 ? lower - 0.02 : lower
    }

    /// Every combination of the words' spellings, standard spellings first, at most `limit`.
    static func combinations(_ words: [[Spelling]], limit: Int) -> [SpelledKey] {
        var keys = [SpelledKey(text: "", systems: SystemSet(), score: 1)]
        for spellings in words {
            var next = [SpelledKey]()
            next.reserveCapacity(min(limit, keys.count * spellings.count))
            outer: for spelling in spellings {
                for key in keys {
                    next.append(SpelledKey(text: key.text + spelling.text,
                                           systems: key.systems.union(SystemSet(spelling.system)),
                                           score: combine(key.score, spelling.system.weight, first: key.text.isEmpty)))
                    if next.count >= limit { break outer }
                }
            }
            keys = next
        }
        return keys.filter { !$0.text.isEmpty }
    }
}
