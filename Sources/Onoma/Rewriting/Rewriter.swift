/// Writes the output text (stage "rewrite" of the pipeline): every resolved mention's span is replaced by its
/// replacement; every other code point passes through unchanged.
enum Rewriter {
    static func apply(_ mentions: [Mention], to scalars: [Unicode.Scalar]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(scalars.count + 64)
        func copy(_ range: Range<Int>) {
            for scalar in scalars[range] { UTF8.encode(scalar) { out.append($0) } }
        }
        var position = 0
        for mention in mentions.sorted(by: { $0.start < $1.start }) {
            guard mention.status == .resolved, let replacement = mention.replacement, mention.start >= position else { continue }
            copy(position..<mention.start)
            out.append(contentsOf: replacement.utf8)
            position = mention.end
        }
        copy(position..<scalars.count)
        return String(decoding: out, as: UTF8.self)
    }
}
