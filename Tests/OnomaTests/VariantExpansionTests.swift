import Testing
@testable import Onoma

/// `VariantExpansion`: the `{a|b}` choice notation of the rule files.
@Suite struct VariantExpansionTests {
    static let cases: [(String, [String])] = [
        ("serg{ey|ei}", ["sergey", "sergei"]),
        ("{ye|e}vgen{iy|y|i|ii}", ["yevgeniy", "yevgeny", "yevgeni", "yevgenii", "evgeniy", "evgeny", "evgeni", "evgenii"]),
        ("{a|b}{c|d}", ["ac", "ad", "bc", "bd"]),
        ("abc", ["abc"]),
        ("", [""]),
        ("{a}", ["a"]),
        ("x{|y}", ["x", "xy"]),
        ("{a|a}", ["a"]),
        ("{a|ab}{bc|c}", ["abc", "ac", "abbc"]),
        ("k{o|ou|oh}ichi", ["koichi", "kouichi", "kohichi"]),
        // An unclosed "{" and a stray "}" are literal text.
        ("a{b", ["a{b"]),
        ("{a|b", ["{a|b"]),
        ("a}b", ["a}b"]),
        ("{a|b}{c", ["a{c", "b{c"]),
        ("{a|b}x{c|d}y", ["axcy", "axdy", "bxcy", "bxdy"]),
    ]

    @Test(arguments: cases)
    func expand(_ pattern: String, _ expected: [String]) {
        #expect(VariantExpansion.expand(pattern) == expected)
    }

    @Test(arguments: [1, 2, 3, 5, 8])
    func limitKeepsTheFirstExpansions(_ limit: Int) {
        let all = VariantExpansion.expand("{a|b}{c|d}{e|f}")
        #expect(all.count == 8)
        #expect(VariantExpansion.expand("{a|b}{c|d}{e|f}", limit: limit) == Array(all.prefix(limit)))
    }

    /// Random patterns of single-letter choices: the expansion is every combination, each once, in order (the
    /// first choice of each group first), and a limit keeps a prefix of it.
    @Test func randomPatterns() {
        var rng = SeededGenerator(seed: 2024)
        let letters = Array("abcdefghij")
        for _ in 0..<200 {
            var groups = [[Character]]()
            var pattern = ""
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                if Bool.random(using: &rng) {
                    let literal = letters.randomElement(using: &rng)!
                    groups.append([literal])
                    pattern.append(literal)
                } else {
                    let choices = Array(letters.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)))
                    groups.append(choices)
                    pattern += "{" + choices.map(String.init).joined(separator: "|") + "}"
                }
            }
            var expected = [""]
            for group in groups { expected = expected.flatMap { prefix in group.map { prefix + String($0) } } }
            let expanded = VariantExpansion.expand(pattern)
            #expect(expanded == expected, "\(pattern)")
            #expect(Set(expanded).count == expanded.count)
            let limit = Int.random(in: 1...10, using: &rng)
            #expect(VariantExpansion.expand(pattern, limit: limit) == Array(expected.prefix(limit)), "\(pattern) limit \(limit)")
        }
    }
}
