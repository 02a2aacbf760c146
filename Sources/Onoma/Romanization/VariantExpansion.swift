/// Expands the choice notation of Onoma's rule files: `{a|b|c}` stands for any one of a, b, c.
/// `"serg{ey|ei}"` -> `["sergey", "sergei"]`. The first choice of each group comes first in the output, so the
/// first result is always the rule set's preferred spelling. At most `limit` results.
package enum VariantExpansion {
    package static func expand(_ pattern: String, limit: Int = 64) -> [String] {
        var results = [""]
        var rest = Substring(pattern)
        while !rest.isEmpty {
            if rest.first == "{", let close = rest.firstIndex(of: "}") {
                let inner = rest[rest.index(after: rest.startIndex)..<close]
                let choices = inner.split(separator: "|", omittingEmptySubsequences: false)
                var next = [String]()
                outer: for prefix in results {
                    for choice in choices {
                        next.append(prefix + choice)
                        if next.count >= limit { break outer }
                    }
                }
                results = next
                rest = rest[rest.index(after: close)...]
            } else {
                // A literal run up to the next group (an unclosed "{" is literal text).
                let searchFrom = rest.first == "{" ? rest.index(after: rest.startIndex) : rest.startIndex
                let end = rest[searchFrom...].firstIndex(of: "{") ?? rest.endIndex
                let literal = rest[..<end]
                results = results.map { $0 + literal }
                rest = rest[end...]
            }
        }
        // Keep order, drop duplicates.
        var seen = Set<String>()
        return results.filter { seen.insert($0).inserted }
    }
}
