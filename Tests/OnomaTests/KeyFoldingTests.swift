import Testing
@testable import Onoma

/// `KeyFolding`: the one normalization shared by gazetteer keys and text.
@Suite struct KeyFoldingTests {
    static let tokenCases: [(String, [String])] = [
        ("Bai Lin", ["bai", "lin"]),
        ("Bailin", ["bailin"]),
        ("BAI-LIN", ["bai", "lin"]),
        ("bai_lin", ["bai", "lin"]),
        ("Shinzō", ["shinzo"]),
        ("Ryūnosuke", ["ryunosuke"]),
        // Apostrophes join the letters around them, in every common spelling.
        ("O'Brien", ["obrien"]),
        ("O’Brien", ["obrien"]),
        ("O‘Brien", ["obrien"]),
        ("d`Arcy", ["darcy"]),
        ("Lvivsʼkyi", ["lvivskyi"]),
        ("Lvivsʹkyi", ["lvivskyi"]),
        ("Hawaiʻi", ["hawaii"]),
        // Letters without a decomposition.
        ("Straße", ["strasse"]),
        ("Søren Kierkegaard", ["soren", "kierkegaard"]),
        ("ØSTERGAARD", ["ostergaard"]),
        ("Łódź", ["lodz"]),
        ("Ærø", ["aero"]),
        ("Þórr", ["thorr"]),
        ("Œuvre", ["oeuvre"]),
        ("Kırıkkale", ["kirikkale"]),
        ("Đặng Văn Thành", ["dang", "van", "thanh"]),
        ("İzmir", ["izmir"]),
        // Compatibility forms.
        ("ﬁnance", ["finance"]),
        ("ＴＯＫＹＯ", ["tokyo"]),
        // Digits are word characters; punctuation and spaces are breaks.
        ("G7 summit", ["g7", "summit"]),
        ("A.B.C.", ["a", "b", "c"]),
        ("  Lin,  Wei  ", ["lin", "wei"]),
        ("", []),
        (" -- ", []),
        // Other scripts are kept, lower-cased.
        ("Иван ПЕТРОВ", ["иван", "петров"]),
        ("王建国", ["王建国"]),
    ]

    @Test(arguments: tokenCases)
    func tokens(_ text: String, _ expected: [String]) {
        #expect(KeyFolding.tokens(text) == expected)
        #expect(KeyFolding.key(text) == expected.joined())
    }

    @Test(arguments: ["Bai Lin", "Bailin", "BAI-LIN", "bai lin", "Bai  Lin", "BAILIN", "Bai'lin", "Bái Lín"])
    func spellingsOfOneKey(_ text: String) {
        #expect(KeyFolding.key(text) == "bailin")
    }

    @Test(arguments: ["Bai Ling", "Ba Ilin!", "Pai Lin", "Bai L1n"])
    func otherSpellingsAreOtherKeys(_ text: String) {
        // "Ba Ilin" folds to bailin too (spaces do not count); the others differ in a letter.
        #expect((KeyFolding.key(text) == "bailin") == (text == "Ba Ilin!"))
    }

    @Test(arguments: [0x27, 0x60, 0xB4, 0x2019, 0x2018, 0x02BC, 0x02B9, 0x02BB, 0x02BE, 0x02BF] as [UInt32])
    func apostropheLikeCharacters(_ value: UInt32) {
        #expect(KeyFolding.isApostrophe(Unicode.Scalar(value)!))
    }

    @Test(arguments: ["-", " ", ".", "\"", "_", "a", "ʺ"] as [Unicode.Scalar])
    func notApostrophes(_ scalar: Unicode.Scalar) {
        #expect(!KeyFolding.isApostrophe(scalar))
    }

    /// The ASCII fast path folds exactly like the general Unicode path: appending a non-ASCII word forces the
    /// general path and must add just that word's token.
    @Test func asciiFastPathAgreesWithUnicodePath() {
        var rng = SeededGenerator(seed: 0x0F01D)
        let alphabet = Array("abcXYZ019 -'`.,;:!?()[]{}\"/\\_@#$%^&*+=<>|~\t")
        for _ in 0..<500 {
            let text = rng.string(from: alphabet, maxLength: 24)
            #expect(KeyFolding.tokens(text + " é") == KeyFolding.tokens(text) + ["e"], "\(text)")
        }
    }

    /// Folding is idempotent and its tokens hold only lower-case letters and digits.
    @Test func keysAreFixedPoints() {
        var rng = SeededGenerator(seed: 42)
        let alphabet = Array("aAbBzZ09 -'éÉøßŁæ’ōÜçñ")
        for _ in 0..<300 {
            let text = rng.string(from: alphabet, maxLength: 16)
            let key = KeyFolding.key(text)
            #expect(KeyFolding.key(key) == key, "\(text)")
            #expect(KeyFolding.tokens(key) == (key.isEmpty ? [] : [key]), "\(text)")
            #expect(key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }, "\(text) -> \(key)")
        }
    }
}

@Suite struct PhoneticSkeletonTests {
    static let cases: [(String, String)] = [
        ("bennett", "PNT"),
        ("benet", "PNT"),
        ("halvorsen", "LFLSN"),
        ("halvorson", "LFLSN"),
        ("chang", "JNK"),
        ("jang", "JNK"),
        ("zhang", "SNK"),
        ("kristof", "KLSTF"),
        ("cristof", "KLSTF"),
        ("philip", "PLP"),
        ("tchaikovsky", "TJKFSK"),
        ("mississippi", "NSP"),
        ("g7", "K7"),
        ("aeiouhwy", ""),
        ("", ""),
    ]

    @Test(arguments: cases)
    func skeleton(_ key: String, _ expected: String) {
        #expect(PhoneticSkeleton.of(key) == expected)
    }

    @Test(arguments: [("bennett", "benet"), ("bedford", "betfort"), ("vogel", "fogel"), ("kathy", "cathy")])
    func soundAlike(_ a: String, _ b: String) {
        #expect(PhoneticSkeleton.of(a) == PhoneticSkeleton.of(b))
    }

    @Test(arguments: [("maria", "marta"), ("kang", "kwan"), ("lima", "lisa"), ("sato", "kato")])
    func soundDifferent(_ a: String, _ b: String) {
        #expect(PhoneticSkeleton.of(a) != PhoneticSkeleton.of(b))
    }
}

@Suite struct DistanceTests {
    static let editCases: [(String, String, Int)] = [
        ("kitten", "sitting", 3),
        ("flaw", "lawn", 2),
        ("morimoto", "morimato", 1),
        ("halvorsen", "halvorson", 1),
        ("", "abc", 3),
        ("abc", "", 3),
        ("", "", 0),
        ("abc", "abc", 0),
        ("ca", "ac", 1), // one adjacent transposition
        ("abcdef", "abdcef", 1),
        ("ca", "abc", 3), // optimal string alignment: a transposed pair is not edited again
        ("saturday", "sunday", 3),
    ]

    @Test(arguments: editCases)
    func editDistance(_ a: String, _ b: String, _ expected: Int) {
        #expect(Distance.editDistance(a, b) == expected)
        #expect(Distance.editDistance(b, a) == expected)
    }

    @Test(arguments: [("kitten", "sitting", 1, 2), ("kitten", "sitting", 2, 3), ("kitten", "sitting", 3, 3),
                      ("kitten", "sitting", 9, 3), ("abc", "abcdef", 2, 3), ("abc", "abcdef", 3, 3),
                      ("abcdefgh", "hgfedcba", 0, 1)])
    func limitedEditDistance(_ a: String, _ b: String, _ limit: Int, _ expected: Int) {
        #expect(Distance.editDistance(a, b, limit: limit) == expected)
    }

    /// Values worked out by hand: Jaro from matches m and transpositions t, then the Winkler prefix bonus.
    static let jaroWinklerCases: [(String, String, Double)] = [
        ("martha", "marhta", 0.9611), // m 6, t 1: jaro 0.9444, prefix 3
        ("dixon", "dicksonx", 0.8133), // m 4, t 0: jaro 0.7667, prefix 2
        ("dwayne", "duane", 0.84), // m 4, t 0: jaro 0.8222, prefix 1
        ("abc", "abc", 1),
        ("", "", 1),
        ("abc", "", 0),
        ("abc", "xyz", 0),
    ]

    @Test(arguments: jaroWinklerCases)
    func jaroWinkler(_ a: String, _ b: String, _ expected: Double) {
        #expect(abs(Distance.jaroWinkler(a, b) - expected) < 0.0001)
    }

    static func levenshtein(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        var row = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var previousDiagonal = row[0]
            row[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                let above = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previousDiagonal + (x[i - 1] == y[j - 1] ? 0 : 1))
                previousDiagonal = above
            }
        }
        return row[y.count]
    }

    static func randomPairs(seed: UInt64, count: Int) -> [(String, String, String)] {
        var rng = SeededGenerator(seed: seed)
        let alphabet = Array("abcd")
        return (0..<count).map { _ in
            (rng.string(from: alphabet, maxLength: 7), rng.string(from: alphabet, maxLength: 7), rng.string(from: alphabet, maxLength: 7))
        }
    }

    @Test func metricPropertiesOnRandomStrings() {
        for (a, b, c) in Self.randomPairs(seed: 7, count: 600) {
            let ab = Distance.editDistance(a, b), bc = Distance.editDistance(b, c), ac = Distance.editDistance(a, c)
            #expect(Distance.editDistance(a, a) == 0)
            #expect(ab == Distance.editDistance(b, a), "symmetry: \(a) \(b)")
            #expect((ab == 0) == (a == b))
            #expect(ab >= abs(a.count - b.count) && ab <= max(a.count, b.count))
            // Never more than Levenshtein, and at least half of it (a transposition is two Levenshtein edits).
            let lev = Self.levenshtein(a, b)
            #expect(ab <= lev && 2 * ab >= lev, "\(a) \(b): \(ab) vs Levenshtein \(lev)")
            // Optimal string alignment is not a metric ("ca" -> "ac" -> "abc" is 1 + 1, "ca" -> "abc" is 3), but
            // it never exceeds the Levenshtein path through any middle string.
            #expect(ac <= Self.levenshtein(a, b) + Self.levenshtein(b, c), "triangle via Levenshtein: \(a) \(b) \(c)")
            #expect(ac <= ab + bc || ab < lev || bc < Self.levenshtein(b, c),
                    "a triangle violation needs a transposition on the way: \(a) \(b) \(c)")
        }
    }

    @Test func triangleInequalityWithoutTranspositions() {
        // With no letter repeated across positions that could swap, OSA equals Levenshtein, which is a metric.
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<400 {
            let a = rng.string(from: ["a", "b"], maxLength: 6), c = rng.string(from: ["a", "b"], maxLength: 6)
            let b = String(repeating: "a", count: Int.random(in: 0...6, using: &rng))
            let ab = Distance.editDistance(a, b), bc = Distance.editDistance(b, c), ac = Distance.editDistance(a, c)
            #expect(ac <= ab + bc, "\(a) \(b) \(c)")
        }
    }

    /// With a limit the distance is exact up to the limit; beyond it the result only says "more than the limit".
    @Test func limitOnlyCutsShort() {
        for (a, b, _) in Self.randomPairs(seed: 99, count: 400) {
            let full = Distance.editDistance(a, b)
            for limit in 0...4 {
                let limited = Distance.editDistance(a, b, limit: limit)
                if full <= limit {
                    #expect(limited == full, "\(a) \(b) limit \(limit)")
                } else {
                    #expect(limited > limit && limited <= full, "\(a) \(b) limit \(limit): \(limited)")
                }
            }
        }
    }

    @Test func jaroWinklerProperties() {
        for (a, b, _) in Self.randomPairs(seed: 3, count: 600) {
            let s = Distance.jaroWinkler(a, b)
            #expect(s >= 0 && s <= 1)
            #expect(abs(s - Distance.jaroWinkler(b, a)) < 1e-9, "symmetry: \(a) \(b)")
            #expect(Distance.jaroWinkler(a, a) == 1)
        }
    }
}
