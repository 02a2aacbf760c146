import Onoma

/// The indexes the entity routes need over one engine's entities, built with the engine: entities by id, and the
/// folded spellings of every name and alias from each of its words on, sorted, for prefix search.
struct EntityCatalog: Sendable {
    /// How a search result matched, best first: the order of the results.
    enum MatchKind: String, Sendable, Comparable {
        /// The query is the entity's id.
        case id
        /// The query is the canonical name (folded: any case, diacritics, hyphens).
        case name
        /// The query is an alias.
        case alias
        /// The query is a key the engine derives from a native-script name ("Dai Qi" for 戴琪).
        case key
        /// The query starts the name or an alias.
        case prefix
        /// The query starts a later word of the name or an alias ("Quaylock" in "Zorbin Quaylock").
        case wordPrefix = "word-prefix"
        /// The query starts the id.
        case idPrefix = "id-prefix"

        private var rank: Int {
            switch self {
            case .id: return 0
            case .name: return 1
            case .alias: return 2
            case .key: return 3
            case .prefix: return 4
            case .wordPrefix: return 5
            case .idPrefix: return 6
            }
        }

        static func < (a: MatchKind, b: MatchKind) -> Bool { a.rank < b.rank }
    }

    /// One entity found by a search, with what it matched: the name or alias as written, or the derived key.
    struct Hit: Sendable {
        var entity: Int
        var kind: MatchKind
        var text: String
        /// For a key: the part of the name it spells (`full`, `swapped`, `family`, `given`).
        var part: String?
    }

    /// One spelling in the prefix index: the folded words of a name or alias from one word on.
    private struct Entry: Sendable {
        var key: [UInt8]
        var entity: Int
        /// Which spelling: -1 for the canonical name, else the alias's index.
        var alias: Int
        /// The key starts at the first word.
        var atStart: Bool
    }

    /// Entity index by id.
    let byID: [String: Int]
    /// Entity indexes by lower-cased id, sorted, for id prefixes.
    private let ids: [(id: [UInt8], entity: Int)]
    /// Sorted by key (bytes), so every key with a prefix is one run.
    private let entries: [Entry]

    /// Names of more words than this are indexed from their first words only (as keys, no name is longer).
    static let maximumWords = 32

    init(entities: [Entity]) {
        var byID = [String: Int]()
        var entries = [Entry]()
        for (index, entity) in entities.enumerated() {
            byID[entity.id] = index
            let spellings = [(-1, entity.name)] + entity.aliases.enumerated().map { ($0.offset, $0.element.text) }
            for (alias, text) in spellings {
                let words = KeyFolding.tokens(text).prefix(Self.maximumWords)
                for start in words.indices {
                    entries.append(Entry(key: Array(words[start...].joined().utf8), entity: index, alias: alias,
                                         atStart: start == words.startIndex))
                }
            }
        }
        entries.sort { $0.key.lexicographicallyPrecedes($1.key) }
        self.byID = byID
        self.entries = entries
        ids = entities.enumerated().map { (Array($0.element.id.lowercased().utf8), $0.offset) }
            .sorted { $0.id.lexicographicallyPrecedes($1.id) }
    }

    /// The entities `query` names, best match first, at most `limit`, only of `type` if given: its id, then its
    /// folded form as a whole name or alias, as a derived key (through `engine`), as the start of a name or alias or
    /// of one of their words, and as the start of an id. Each entity appears once, with its best match; within a
    /// kind, shorter names come first, then gazetteer order.
    func search(_ query: String, type: EntityType?, limit: Int, engine: Engine) -> [Hit] {
        let entities = engine.entities
        var best = [Int: Hit]()
        func offer(_ hit: Hit) {
            if let type, entities[hit.entity].type != type { return }
            if let old = best[hit.entity], old.kind <= hit.kind { return }
            best[hit.entity] = hit
        }
        if let exact = byID[query] { offer(Hit(entity: exact, kind: .id, text: entities[exact].id)) }
        let folded = Array(KeyFolding.key(query).utf8)
        if !folded.isEmpty {
            for hit in engine.entities(withKey: query) {
                offer(Hit(entity: hit.entity, kind: .key, text: KeyFolding.key(query), part: String(describing: hit.part)))
            }
            var i = lowerBound(folded, in: entries.lazy.map(\.key))
            while i < entries.count, entries[i].key.starts(with: folded) {
                let entry = entries[i]
                let whole = entry.key.count == folded.count && entry.atStart
                let kind: MatchKind = whole ? (entry.alias < 0 ? .name : .alias) : (entry.atStart ? .prefix : .wordPrefix)
                let entity = entities[entry.entity]
                offer(Hit(entity: entry.entity, kind: kind, text: entry.alias < 0 ? entity.name : entity.aliases[entry.alias].text))
                i += 1
            }
        }
        let lowered = Array(query.lowercased().utf8)
        if !lowered.isEmpty {
            var i = lowerBound(lowered, in: ids.lazy.map(\.id))
            while i < ids.count, ids[i].id.starts(with: lowered) {
                offer(Hit(entity: ids[i].entity, kind: .idPrefix, text: entities[ids[i].entity].id))
                i += 1
            }
        }
        return best.values.sorted {
            ($0.kind, entities[$0.entity].name.count, $0.entity) < ($1.kind, entities[$1.entity].name.count, $1.entity)
        }.prefix(limit).map { $0 }
    }

    /// The first position in the sorted `keys` whose key is not before `key`.
    private func lowerBound<Keys: RandomAccessCollection>(_ key: [UInt8], in keys: Keys) -> Int
    where Keys.Element == [UInt8], Keys.Index == Int {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle].lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
