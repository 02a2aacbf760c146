import Foundation

/// Why a name was resolved, ambiguous or unresolved: the data `onoma explain` prints and tools read.
public struct Explanation: Sendable {
    /// The name asked about.
    public var name: String
    /// The sentence it was explained in, if any.
    public var context: String?
    /// The decided mention with every candidate considered (nil if the name has no letters).
    public var mention: Mention?
    /// The decision in words, with the numbers that made it.
    public var reason: String
}

/// A gazetteer entity that an unmatched name may be meant as, for audit.
public struct Suggestion: Sendable {
    package var entityIndex: Int
    /// The entity's id.
    public var id: String
    /// The entity's canonical name.
    public var name: String
    /// Similarity in [0, 1].
    public var score: Float
    /// Why it is suggested, e.g. `2 edits from "raimondo" (Gina Raimondo → canonical name)`.
    public var reason: String
}

extension Engine {
    /// Explains how `name` is decided, optionally inside `context` (text that contains it, so titles and earlier
    /// full-name mentions count; the last occurrence is explained). If the context does not contain the name, the
    /// name is read after it.
    public func explain(_ name: String, context: String? = nil) -> Explanation {
        var text = name
        var start = 0
        if let context {
            // The last occurrence: the one with the most context before it ("Yuki Tanaka arrived. Later Tanaka spoke.").
            if let range = context.range(of: name, options: .backwards)
                ?? context.range(of: name, options: [.backwards, .caseInsensitive, .diacriticInsensitive]) {
                text = context
                start = context.unicodeScalars.distance(from: context.unicodeScalars.startIndex, to: range.lowerBound)
            } else {
                text = context + " " + name
                start = context.unicodeScalars.count + 1
            }
        }
        let scalars = Array(text.unicodeScalars)
        let end = start + name.unicodeScalars.count
        let mention = Decider(engine: self).forcedMention(in: scalars, covering: start..<end)
        return Explanation(name: name, context: context, mention: mention, reason: reason(for: mention))
    }

    private func reason(for mention: Mention?) -> String {
        guard let mention else { return "no letters to match" }
        let threshold = policy.minConfidence ?? model.threshold
        func score(_ value: Float) -> String { String(Double((value * 100).rounded()) / 100) }
        switch mention.status {
        case .resolved:
            let top = mention.candidates[0]
            let next = mention.candidates.dropFirst().first
            return "resolved to \(top.name): probability \(score(top.score)) reaches the threshold \(score(threshold))"
                + (next.map { " and the next entity, \($0.name), is \(score(model.logit(top.features) - model.logit($0.features))) "
                    + "behind in log-odds (more than the margin \(score(model.margin)))" } ?? " and no other entity fits")
                + evidence(top)
        case .ambiguous:
            let top = mention.candidates[0]
            let rivals = mention.candidates.dropFirst().filter { model.logit($0.features) >= model.logit(top.features) - model.margin }
            return "ambiguous: \(([top] + rivals).map { "\($0.name) \(score($0.score))" }.joined(separator: ", ")) are within "
                + "\(score(model.margin)) of each other in log-odds, so nothing is rewritten"
        case .unresolved:
            if let top = mention.candidates.first {
                return "unresolved: the best candidate, \(top.name), has probability \(score(top.score)), below the threshold "
                    + "\(score(threshold))" + evidence(top)
            }
            return "unresolved: no key derived from the gazetteer matches \"\(KeyFolding.key(mention.surface))\" exactly, "
                + "in the other order, by name parts, or within the edit limits"
        }
    }

    /// The weighed evidence that moved a candidate most, in words: "; against: a Japanese place name (JMnedict,
    /// -3.2)" — why a name is someone else.
    private func evidence(_ c: Candidate) -> String {
        var against = [String](), forIt = [String]()
        for (i, name) in Features.names.enumerated() where name != "match" {
            let contribution = model.weights[i] * c.features.values[i]
            guard abs(contribution) >= 0.5 else { continue }
            var label = name.replacingOccurrences(of: "_", with: " ")
            if name == "background" || name == "one_word_background", let b = c.background {
                label = "\(b.detail) (\(b.source))"
            }
            let text = "\(label) \(contribution > 0 ? "+" : "")\(String(Double((contribution * 10).rounded()) / 10))"
            if contribution < 0 { against.append(text) } else { forIt.append(text) }
        }
        var out = ""
        if let refutation = c.refutation { out += "; ruled out: " + refutation }
        if !forIt.isEmpty { out += "; for: " + forIt.joined(separator: ", ") }
        if !against.isEmpty { out += "; against: " + against.joined(separator: ", ") }
        return out
    }

    /// Entities whose keys are close to `surface` though not close enough to match: for audit suggestions.
    public func suggestions(for surface: String, limit: Int = 3) -> [Suggestion] {
        let key = KeyFolding.key(surface)
        guard key.count >= 2 else { return [] }
        let tokens = KeyFolding.tokens(surface)
        var best = [Int: Suggestion]()
        // Entities a curator said this surface is not (`not`, in any context) are not suggested again.
        func refutes(_ entity: Int) -> Bool {
            entities[entity].notNames.contains { $0.near.isEmpty && KeyFolding.key($0.text) == key }
        }
        // A word of the name that is exactly some entity's family name: a weak hint ("Dai Ge" and 戴琪's "dai").
        for token in tokens where token.count >= 2 {
            for hit in index.exact[token] ?? [] where hit.part == .family {
                let entity = entities[hit.entity]
                let form = forms[hit.entity][hit.form]
                let source = form.aliasIndex.map { entity.aliases[$0].text } ?? entity.name
                let suggestion = Suggestion(entityIndex: hit.entity, id: entity.id, name: entity.name, score: 0.5 * hit.score,
                                            reason: "shares the family name \"\(token)\" (\(source) → \(hit.systems.map(\.label).joined(separator: " + ")))")
                if (best[hit.entity]?.score ?? -1) < suggestion.score { best[hit.entity] = suggestion }
            }
        }
        // Close enough to be worth a curator's look: one edit in four letters.
        let maxEdits = max(1, key.count / 4)
        for (candidate, hits) in index.exact {
            guard let first = candidate.first, first == key.first || candidate.hasPrefix(String(key.prefix(2))) else { continue }
            if abs(candidate.count - key.count) > maxEdits { continue }
            let similarity = Float(Distance.jaroWinkler(key, candidate))
            guard similarity >= 0.75, Distance.editDistance(key, candidate, limit: maxEdits) <= maxEdits else { continue }
            for hit in hits where hit.part != .given {
                let entity = entities[hit.entity]
                let form = forms[hit.entity][hit.form]
                let source = form.aliasIndex.map { entity.aliases[$0].text } ?? entity.name
                let edits = Distance.editDistance(key, candidate)
                var reason = "\(edits) edit\(edits == 1 ? "" : "s") from \"\(candidate)\""
                if let firstToken = tokens.first, firstToken.count >= 2, candidate.hasPrefix(firstToken), edits > 1 {
                    reason = "shares the initial syllable \"\(firstToken)\" with \"\(candidate)\", \(edits) edits"
                }
                reason += " (\(source) → \(hit.systems.map(\.label).joined(separator: " + ")), \(hit.part))"
                let closeness = 1 - Float(edits) / Float(max(key.count, candidate.count))
                let suggestion = Suggestion(entityIndex: hit.entity, id: entity.id, name: entity.name,
                                            score: (similarity + closeness) / 2 * hit.score, reason: reason)
                if (best[hit.entity]?.score ?? -1) < suggestion.score { best[hit.entity] = suggestion }
            }
        }
        return best.values.filter { !refutes($0.entityIndex) }.sorted { ($0.score, $1.id) > ($1.score, $0.id) }
            .prefix(limit).map { $0 }
    }
}
