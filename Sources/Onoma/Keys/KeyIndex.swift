/// Which part of a name a key spells.
public enum KeyPart: UInt8, Sendable {
    /// The whole name in the order its source writes it.
    case full
    /// The whole name with family and given names in the other order ("Putin Vladimir").
    case swapped
    /// The family name alone ("Raimondo", "Hayashi").
    case family
    /// The given name alone.
    case given
}

/// Where a key came from: which entity, which of its name forms, which part, how it was spelled.
package struct KeyHit: Sendable, Equatable {
    package var entity: Int
    package var form: Int
    package var part: KeyPart
    package var systems: SystemSet
    package var score: Float
}

/// The keys of a whole gazetteer, computed once at load: exact lookup by folded key, and a deletion
/// neighbourhood over the keys that fuzzy matching may use (one deleted letter on either side finds every key
/// within one edit, and most within two).
struct KeyIndex: Sendable {
    /// Folded key -> the entities it may name (at most one hit per entity and part, the best).
    private(set) var exact: [String: [KeyHit]] = [:]
    /// Deletion variant -> the fuzzy-eligible keys it comes from.
    private(set) var deletions: [String: [String]] = [:]
    /// Keys long enough and spelled by systems trusted for fuzzy matching.
    private var fuzzyKeys = Set<String>()

    /// The most keys one part of one name form may produce.
    static let combinationLimit = 256
    /// Fuzzy-eligible keys are at least this long: a two-syllable Chinese name is one edit away from many others.
    static let minimumFuzzyLength = 5
    /// Fuzzy-eligible keys are at most this long: no name is longer, and a key's deletion neighbourhood costs the
    /// square of its length (a 100 KB "name" would take gigabytes).
    static let maximumFuzzyLength = 96

    init(forms: [[NameForm]]) {
        for (entity, entityForms) in forms.enumerated() {
            for (formIndex, form) in entityForms.enumerated() where form.words.count <= Self.maximumWords {
                add(form.words, entity: entity, form: formIndex, part: .full)
                if let swapped = form.swappedWords {
                    add(swapped, entity: entity, form: formIndex, part: .swapped)
                    add(form.familyWords, entity: entity, form: formIndex, part: .family)
                    add(form.givenWords, entity: entity, form: formIndex, part: .given)
                    let given = form.givenWords
                    if given.count >= 2, given.count <= 8, form.givenNamesSeparable {
                        // Western names with middle names: "Recep Erdogan", "Tayyip Erdogan".
                        for word in given {
                            let short = form.family!.lowerBound == 0 ? form.familyWords + [word] : [word] + form.familyWords
                            add(short, entity: entity, form: formIndex, part: .full)
                        }
                    }
                }
            }
        }
        for key in fuzzyKeys {
            for variant in Self.deletionVariants(key) { deletions[variant, default: []].append(key) }
        }
    }

    /// A name form of more words than this is no name (a pasted paragraph, a hostile file): it gets no keys, so a
    /// 10 MB "name" costs its parse and nothing more.
    static let maximumWords = 32

    private mutating func add(_ words: [[Spelling]], entity: Int, form: Int, part: KeyPart) {
        guard !words.isEmpty, words.count <= Self.maximumWords else { return }
        for key in SpelledKey.combinations(words, limit: Self.combinationLimit) {
            let hit = KeyHit(entity: entity, form: form, part: part, systems: key.systems, score: key.score)
            if let existing = exact[key.text]?.firstIndex(where: { $0.entity == entity && $0.part == part }) {
                if exact[key.text]![existing].score < hit.score { exact[key.text]![existing] = hit }
            } else {
                exact[key.text, default: []].append(hit)
            }
            if part != .given, (Self.minimumFuzzyLength...Self.maximumFuzzyLength).contains(key.text.utf8.count),
               key.text.utf8.allSatisfy({ $0 < 0x80 }),
               key.systems.isSubset(of: SystemSet.fuzzyEligible) {
                fuzzyKeys.insert(key.text)
            }
        }
    }

    /// The key itself and every string made by deleting one character from it.
    static func deletionVariants(_ key: String) -> [String] {
        let bytes = Array(key.utf8)
        var out = [key]
        for i in bytes.indices {
            var copy = bytes
            copy.remove(at: i)
            out.append(String(decoding: copy, as: UTF8.self))
        }
        return out
    }

    /// Fuzzy-eligible keys within `maxDistance` edits of `query`.
    func fuzzyNeighbours(of query: String, maxDistance: Int) -> [(key: String, distance: Int)] {
        // Nothing indexed is longer than the maximum, so a longer query has no neighbours (and its variants would
        // cost the square of its length).
        guard query.utf8.count <= Self.maximumFuzzyLength + maxDistance else { return [] }
        var candidates = Set<String>()
        for variant in Self.deletionVariants(query) {
            if let keys = deletions[variant] { candidates.formUnion(keys) }
        }
        var out = [(key: String, distance: Int)]()
        for key in candidates where key != query {
            let d = Distance.editDistance(query, key, limit: maxDistance)
            if d <= maxDistance { out.append((key, d)) }
        }
        return out.sorted { ($0.distance, $0.key) < ($1.distance, $1.key) }
    }
}
