/// Writes explanations as JSON (for tools) or as readable text (for `onoma explain`).
public enum ExplanationJSON {
    /// An explanation as a JSON object: the name, its context, the mention with every candidate, and the reason.
    public static func object(_ e: Explanation) -> JSONValue {
        var members = [JSONMember(key: "name", value: .string(e.name))]
        if let context = e.context { members.append(JSONMember(key: "context", value: .string(context))) }
        if let mention = e.mention {
            members.append(JSONMember(key: "status", value: .string(mention.status.rawValue)))
            if let replacement = mention.replacement { members.append(JSONMember(key: "replacement", value: .string(replacement))) }
        }
        members.append(JSONMember(key: "reason", value: .string(e.reason)))
        let candidates = e.mention?.candidates ?? []
        members.append(JSONMember(key: "candidates", value: .array(candidates.map { c in
            .object([JSONMember(key: "id", value: .string(c.id)),
                     JSONMember(key: "name", value: .string(c.name)),
                     JSONMember(key: "score", value: MentionJSON.score(c.score)),
                     JSONMember(key: "method", value: .string(c.method.rawValue)),
                     JSONMember(key: "explanation", value: MentionJSON.explanation(c))])
        })))
        return .object(members)
    }

    /// The explanation for a reader; with `color`, ANSI colors mark the status (green resolved, yellow ambiguous,
    /// dim unresolved), the candidates' names, and what ruled a candidate out (red).
    public static func text(_ e: Explanation, color: Bool = false) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = paint(e.name, "1")
        if let context = e.context { out += "  in  \"\(context)\"" }
        out += "\n"
        if let mention = e.mention {
            let code = mention.status == .resolved ? "32" : mention.status == .ambiguous ? "33" : "2"
            out += "  " + paint(mention.status.rawValue, code) + (mention.replacement.map { " → \($0)" } ?? "") + "\n"
        }
        out += "  \(e.reason)\n"
        let candidates = e.mention?.candidates ?? []
        if candidates.isEmpty { out += "  no candidates\n" }
        for (i, c) in candidates.enumerated() {
            out += "\n  \(i + 1). \(paint(c.name, "1")) (\(c.id))  score \(AuditReport.scoreText(c.score))  method \(c.method.rawValue)\n"
            out += "     key:      \(c.key)  (\(c.part) name)\n"
            out += "     derived:  \(c.derivation)\n"
            out += "     matched:  \(c.detail)\n"
            if !c.context.isEmpty {
                let notes = c.context.map { $0 == "role" ? "role: the sentence or a title before the name matches a role" : "document: named in full earlier" }
                out += "     context:  \(notes.joined(separator: "; "))\n"
            }
            if let refutation = c.refutation { out += "     " + paint("ruled out:", "31") + " \(refutation)\n" }
        }
        return out
    }
}
