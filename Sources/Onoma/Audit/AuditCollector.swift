/// Where a mention was seen, and the words around it.
public struct AuditContext: Sendable, Equatable {
    /// The file (and for JSONL input, the line of the record).
    public var file: String
    /// 1-based line of the mention in the file.
    public var line: Int
    public var before: String
    public var surface: String
    public var after: String
}

/// One row of an audit: every mention whose folded key is the same ("Dai Qi", "Daiqi" and "DAI QI").
public struct AuditRow: Sendable {
    /// The folded key the row groups by.
    public var key: String
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
    /// The entities it may be meant as: ambiguous mentions' candidates, else the nearest gazetteer keys.
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
    }
    private var groups: [String: Group] = [:]
    private var firstSeen: [String] = []

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
            group.documents.insert(document)
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
            for candidate in mention.candidates {
                let suggestion = Suggestion(entityIndex: candidate.entityIndex, id: candidate.id, name: candidate.name,
                                            score: candidate.score, reason: "\(candidate.method.rawValue): \(candidate.detail); \(candidate.derivation)")
                if (group.candidates[candidate.id]?.score ?? -1) < suggestion.score { group.candidates[candidate.id] = suggestion }
            }
            groups[key] = group
        }
    }

    /// The rows, those whose fixing would fix most first (most occurrences, then most documents, then first seen).
    public func rows(suggestionLimit: Int = 3) -> [AuditRow] {
        let rank = Dictionary(uniqueKeysWithValues: firstSeen.enumerated().map { ($1, $0) })
        return groups.map { key, group in
            var suggestions = group.candidates.values.sorted { ($0.score, $1.id) > ($1.score, $0.id) }
            if suggestions.isEmpty { suggestions = engine.suggestions(for: key, limit: suggestionLimit) }
            return AuditRow(
                key: key,
                surfaces: group.order.map { ($0, group.surfaces[$0]!) }.sorted { $0.count > $1.count },
                occurrences: group.occurrences,
                documents: group.documents.count,
                statuses: group.statuses.sorted { $0.value > $1.value }.map(\.key),
                contexts: group.contexts,
                suggestions: Array(suggestions.prefix(suggestionLimit)))
        }.sorted { a, b in
            if a.occurrences != b.occurrences { return a.occurrences > b.occurrences }
            if a.documents != b.documents { return a.documents > b.documents }
            return rank[a.key]! < rank[b.key]!
        }
    }
}
