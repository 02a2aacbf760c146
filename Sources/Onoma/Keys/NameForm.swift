/// One way of writing an entity's name in Latin letters, derived from its canonical name or one alias: a sequence
/// of words (or syllables), each with its alternative spellings, and which of them form the family name.
package struct NameForm: Sendable {
    /// The alias the form comes from (index into `Entity.aliases`), or nil for the canonical name.
    package var aliasIndex: Int?
    /// The words in the order the source writes them; each word's first spelling is its standard one.
    package var words: [[Spelling]]
    /// The words that are the family name, when the name is a person's and the split is known.
    package var family: Range<Int>?
    /// Whether the given-name words are separate names, each of which may stand alone with the family name
    /// (Western first and middle names); false for one given name split at a hyphen ("Min-seok").
    package var givenNamesSeparable = false

    package init(aliasIndex: Int?, words: [[Spelling]], family: Range<Int>?) {
        self.aliasIndex = aliasIndex
        self.words = words
        self.family = family
    }

    /// The given-name words: all words outside the family range.
    package var givenWords: [[Spelling]] {
        guard let family else { return [] }
        return Array(words[..<family.lowerBound]) + Array(words[family.upperBound...])
    }

    /// The family-name words.
    package var familyWords: [[Spelling]] {
        guard let family else { return [] }
        return Array(words[family])
    }

    /// The words with family and given names in the other order.
    package var swappedWords: [[Spelling]]? {
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
        var costs: [Float] = [0]
        for spellings in words {
            if spellings.allSatisfy({ $0.cost == 0 }) && costs.allSatisfy({ $0 == 0 }) {
                // Nothing is known of how unusual the spellings are: standard ones first, in order.
                var next = [SpelledKey]()
                next.reserveCapacity(min(limit, keys.count * spellings.count))
                outer: for spelling in spellings {
                    for key in keys {
                        next.append(key.extended(by: spelling))
                        if next.count >= limit { break outer }
                    }
                }
                keys = next
                costs = Array(repeating: 0, count: keys.count)
                continue
            }
            // The `limit` least unusual combinations (ties in the order above), chosen before any text is built.
            var order = [(cost: Float, spelling: Int, key: Int)]()
            order.reserveCapacity(keys.count * spellings.count)
            for (s, spelling) in spellings.enumerated() {
                for k in keys.indices { order.append((costs[k] + spelling.cost, s, k)) }
            }
            order.sort { ($0.cost, $0.spelling, $0.key) < ($1.cost, $1.spelling, $1.key) }
            let kept = order.prefix(limit)
            keys = kept.map { keys[$0.key].extended(by: spellings[$0.spelling]) }
            costs = kept.map(\.cost)
        }
        return keys.filter { !$0.text.isEmpty }
    }

    /// This key with one more word's spelling.
    func extended(by spelling: Spelling) -> SpelledKey {
        SpelledKey(text: text + spelling.text, systems: systems.union(SystemSet(spelling.system)),
                   score: Self.combine(score, spelling.system.weight, first: text.isEmpty))
    }
}
