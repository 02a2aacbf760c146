/// Writes the output text (stage "rewrite" of the pipeline): every resolved mention's span is replaced by its
/// replacement; every other code point passes through unchanged.
enum Rewriter {
    static func apply(_ mentions: [Mention], to scalars: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        var position = 0
        for mention in mentions.sorted(by: { $0.start < $1.start }) {
            guard mention.status == .resolved, let replacement = mention.replacement, mention.start >= position else { continue }
            out.append(contentsOf: scalars[position..<mention.start])
            out.append(contentsOf: replacement.unicodeScalars)
            position = mention.end
        }
        out.append(contentsOf: scalars[position...])
        return String(out)
    }
}
