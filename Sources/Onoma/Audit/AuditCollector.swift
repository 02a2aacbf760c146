/// Where a mention was seen, and the words around it.
public struct AuditContext: Sendable, Equatable {
    /// The file (and for JSONL input, the line of the record).
    public var file: String
    /// 1-based line of the mention in the file.
    public var line: Int
    /// The words before the mention on its line (at most 50 characters, "…" where cut).
    public var before: String
    /// The mention as written.
    public var surface: String
    /// The words after the mention on its line (at most 50 characters, "…" where cut).
    public var after: String
}

/// One row of an audit: every mention whose folded key is the same ("Dai Qi", "Daiqi" and "DAI QI"), and the
/// spellings of what is probably the same name in the same documents ("Kyrylenko", "Kirilenko").
public struct AuditRow: Sendable {
    /// The folded key the row groups by (its most frequent spelling's, when spellings were grouped).
    public var key: String
    /// Every folded key in the row, most frequent first: one, unless close spellings were grouped.
    public var keys: [String]
    /// Surface forms with their counts, most frequent first.
    public var surfaces: [(surface: String, count: Int)]
    /// Mentions in all.
    public var occurrences: Int
    /// Documents (files, or JSONL records) the key occurs in.
    public var documents: Int
    /// `unresolved`, `ambiguous`, or `resolved` (below the chosen score), most frequent first.
    public var statuses: [MentionStatus]
    /// Up to three places it was seen.
    public var contexts: [AuditContext]
    /// The entities it may be meant as: ambiguous mentions' candidates, else the nearest gazetteer keys; entities
    /// the same documents name first.
    public var suggestions: [Suggestion]
}

/// Collects the mentions a gazetteer cannot resolve across a corpus, grouped by folded key (`onoma audit`).
public struct AuditCollector {
    let engine: Engine
    /// Also collect resolved mentions scoring below this.
    public var resolvedBelow: Float?

    private struct Group {
        var surfaces: [String: Int] = [:]
        var order: [String] = []
        var occurrences = 0
        var documents = Set<String>()
        var statuses: [MentionStatus: Int] = [:]
        var contexts: [AuditContext] = []
        var candidates: [String: Suggestion] = [:]
        /// Entities resolved in the documents the key occurs in, with how many such documents.
        var namedNearby: [String: Int] = [:]
    }
    private var groups: [String: Group] = [:]
    private var firstSeen: [String] = []
    /// Per document, the keys collected from it (to find close spellings in the same document).
    private var keysByDocument: [String: Set<String>] = [:]

    /// A collector over `engine`; with `resolvedBelow`, resolved mentions scoring less are listed too.
    public init(engine: Engine, resolvedBelow: Float? = nil) {
        self.engine = engine
        self.resolvedBelow = resolvedBelow
    }

    /// Normalizes `text` in memory and collects its unresolved and ambiguous mentions. `document` names the
    /// document (a file, or file:line for a JSONL record); `firstLine` is the line the text starts on.
    public mutating func add(text: String, document: String, file: String, firstLine: Int = 1) {
        let scalars = Array(text.unicodeScalars)
        let result = engine.normalize(text)
        var lineStarts = [0]
        for (i, s) in scalars.enumerated() where s == "\n" { lineStarts.append(i + 1) }
        let named = Set(result.mentions.compactMap { $0.chosen?.id })
        var seenHere = Set<String>()
        for mention in result.mentions {
            let include: Bool
            switch mention.status {
            case .unresolved, .ambiguous: include = true
            case .resolved: include = (mention.chosen?.score ?? 1) < (resolvedBelow ?? -1)
            }
            guard include else { continue }
            let key = KeyFolding.key(mention.surface)
            guard !key.isEmpty else { continue }
            if groups[key] == nil { firstSeen.append(key) }
            var group = groups[key, default: Group()]
            if group.surfaces[mention.surface] == nil { group.order.append(mention.surface) }
            group.surfaces[mention.surface, default: 0] += 1
            group.occurrences += 1
            if group.documents.insert(document).inserted {
                for id in named { group.namedNearby[id, default: 0] += 1 }
            }
            seenHere.insert(key)
            group.statuses[mention.status, default: 0] += 1
            if group.contexts.count < 3 {
                var lineIndex = 0
                while lineIndex + 1 < lineStarts.count && lineStarts[lineIndex + 1] <= mention.start { lineIndex += 1 }
                let lineStart = lineStarts[lineIndex]
                let lineEnd = lineIndex + 1 < lineStarts.count ? lineStarts[lineIndex + 1] - 1 : scalars.count
                let from = max(lineStart, mention.start - 50), to = min(lineEnd, mention.end + 50)
                group.contexts.append(AuditContext(
                    file: file, line: firstLine + lineIndex,
                    before: (from > lineStart ? "…" : "") + Tokenizer.string(scalars[from..<mention.start]),
                    surface: mention.surface,
                    after: Tokenizer.string(scalars[mention.end..<to]) + (to < lineEnd ? "…" : "")))
            }
            for candidate in mention.candidates where candidate.refutation == nil {
                let suggestion = Suggestion(entityIndex: candidate.entityIndex, id: candidate.id, name: candidate.name,
                                            score: candidate.score, reason: "\(candidate.method.rawValue): \(candidate.detail); \(candidate.derivation)")
                if (group.candidates[candidate.id]?.score ?? -1) < suggestion.score { group.candidates[candidate.id] = suggestion }
            }
            groups[key] = group
        }
        if !seenHere.isEmpty { keysByDocument[document, default: []].formUnion(seenHere) }
    }

    /// Suggestions in the order a curator should read them: entities the same documents name first (the text has
    /// said who is around), in how many of them, then by score.
    static func ordered(_ suggestions: [Suggestion], namedNearby: [String: Int]) -> [Suggestion] {
        suggestions.sorted { a, b in
            let na = namedNearby[a.id] ?? 0, nb = namedNearby[b.id] ?? 0
            if na != nb { return na > nb }
            return (a.score, b.id) > (b.score, a.id)
        }
    }

    /// Whether two spellings seen in one document are probably one name (their words, folded): as many words, all
    /// the same but one, and that one spelled alike: the same first letter, one edit apart (two from eight letters
    /// beside equal words) and seven letters or more when it stands alone ("Kharkiv", "Kharkov"; "Gennady Kazakevich", "Gennady
    /// Kazakevych"). Short one-word names one edit apart are usually different names ("Marina", "Karina").
    static func probablyOneName(_ a: [String], _ b: [String]) -> Bool {
        guard a.count == b.count, a != b else { return false }
        let differing = zip(a, b).filter { $0 != $1 }
        guard differing.count == 1, let (x, y) = differing.first, x.first == y.first else { return false }
        let shorter = min(x.count, y.count)
        guard shorter >= (a.count == 1 ? 7 : 4) else { return false }
        let limit = a.count > 1 && shorter >= 8 ? 2 : 1
        return Distance.editDistance(x, y, limit: limit) <= limit
    }

    /// The rows, those whose fixing would fix most first (most occurrences, then most documents, then first seen).
    /// Keys that are probably one name and occur in a document together are one row.
    public func rows(suggestionLimit: Int = 3) -> [AuditRow] {
        let rank = Dictionary(uniqueKeysWithValues: firstSeen.enumerated().map { ($1, $0) })
        // Union-find over keys, joined where a document holds two spellings of probably one name.
        var parent = Dictionary(uniqueKeysWithValues: firstSeen.map { ($0, $0) })
        func root(_ key: String) -> String {
            var key = key
            while parent[key]! != key { key = parent[key]! }
            return key
        }
        let words = Dictionary(uniqueKeysWithValues: groups.map { key, group in
            (key, group.order.first.map { KeyFolding.tokens($0) } ?? [key])
        })
        for document in keysByDocument.keys.sorted() {
            let keys = keysByDocument[document]!.sorted { rank[$0]! < rank[$1]! }
            for (i, a) in keys.enumerated() {
                for b in keys[(i + 1)...] where Self.probablyOneName(words[a]!, words[b]!) {
                    let ra = root(a), rb = root(b)
                    if ra != rb { if rank[ra]! < rank[rb]! { parent[rb] = ra } else { parent[ra] = rb } }
                }
            }
        }
        var members = [String: [String]]()
        for key in firstSeen { members[root(key), default: []].append(key) }

        return members.values.map { keys -> AuditRow in
            let parts = keys.map { groups[$0]! }
            let ordered = zip(keys, parts).sorted { ($0.1.occurrences, rank[$1.0]!) > ($1.1.occurrences, rank[$0.0]!) }
            var surfaces = [(surface: String, count: Int)]()
            var documents = Set<String>()
            var statuses = [MentionStatus: Int]()
            var candidates = [String: Suggestion]()
            var namedNearby = [String: Int]()
            for (_, group) in ordered {
                surfaces += group.order.map { ($0, group.surfaces[$0]!) }
                documents.formUnion(group.documents)
                for (status, n) in group.statuses { statuses[status, default: 0] += n }
                for (id, suggestion) in group.candidates where (candidates[id]?.score ?? -1) < suggestion.score { candidates[id] = suggestion }
                for (id, n) in group.namedNearby { namedNearby[id, default: 0] += n }
            }
            var suggestions = Array(candidates.values)
            if suggestions.isEmpty { suggestions = engine.suggestions(for: ordered[0].0, limit: suggestionLimit) }
            suggestions = Self.ordered(suggestions, namedNearby: namedNearby)
            return AuditRow(
                key: ordered[0].0,
                keys: ordered.map(\.0),
                surfaces: surfaces.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element),
                occurrences: parts.reduce(0) { $0 + $1.occurrences },
                documents: documents.count,
                statuses: statuses.sorted { ($0.value, $0.key.rawValue) > ($1.value, $1.key.rawValue) }.map(\.key),
                contexts: Array(ordered.flatMap(\.1.contexts).prefix(3)),
                suggestions: Array(suggestions.prefix(suggestionLimit)))
        }.sorted { a, b in
            if a.occurrences != b.occurrences { return a.occurrences > b.occurrences }
            if a.documents != b.documents { return a.documents > b.documents }
            return rank[a.key]! < rank[b.key]!
        }
    }
}
