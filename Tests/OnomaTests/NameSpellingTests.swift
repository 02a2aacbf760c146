import Testing
@testable import Onoma

/// A Western or Cyrillic-born given name spelled another way beside an exact family name is the same person
/// (issue 10): one `NameSpelling` key. Another vowel ending (Carla for Carl) is another name, except for a name
/// declined in Russian or Ukrainian text; a Chinese given name one letter off is always another name.
@Suite struct NameSpellingTests {
    static let keys: [(String, String)] = [
        ("karl", "karl"), ("carl", "karl"), ("sophia", "sofia"), ("sofia", "sofia"), ("sergey", "sergei"),
        ("sergei", "sergei"), ("yuriy", "iuri"), ("yuri", "iuri"), ("juri", "iuri"), ("aleksey", "aleksei"),
        ("alexei", "aleksei"), ("natalya", "natalia"), ("ivan", "ivan"), ("iwan", "ivan"), ("quentin", "kentin"),
        ("cecile", "sesile"), ("matthias", "matias"), ("dmitriy", "dmitri"), ("mikhail", "mikhail"),
        ("michael", "michael"),
    ]

    @Test(arguments: keys)
    func spellingKey(_ folded: String, _ key: String) {
        #expect(NameSpelling.key(folded) == key)
    }

    /// Pairs that must keep apart: another sex's form, another name with the same consonants.
    @Test(arguments: [("carl", "carla"), ("john", "joan"), ("lena", "lina"), ("maria", "mario"), ("ivan", "ivana")])
    func otherNamesKeepApart(_ a: String, _ b: String) {
        #expect(NameSpelling.key(a) != NameSpelling.key(b))
    }

    @Test(arguments: [("carl", "carla", true), ("mario", "maria", true), ("ivan", "ivana", true),
                      ("natalia", "natalya", false), ("karl", "carl", false), ("sofia", "sofia", false)])
    func otherEnding(_ a: String, _ b: String, _ expected: Bool) {
        #expect(Matcher.otherEnding(a, b) == expected)
    }

    static let engine = Engine(entities: [
        Entity(id: "carl-quaylock", name: "Carl Quaylock", type: .person, given: "Carl", family: "Quaylock"),
        Entity(id: "sophia-marbrand", name: "Sophia Marbrand", type: .person, given: "Sophia", family: "Marbrand"),
        Entity(id: "kira-tovkach", name: "Kira Tovkach", type: .person, aliases: [Alias(text: "Кіра Товкач", lang: "uk")],
               given: "Kira", family: "Tovkach"),
        Entity(id: "wang-yi-test", name: "Wang Yiqun", type: .person, aliases: [Alias(text: "王逸群", lang: "zh")]),
    ], rules: try! RuleSets())

    static func decided(_ name: String) -> Mention? {
        engine.normalize("Reporters asked \(name) about the plan.").mentions.first { $0.surface == name }
    }

    @Test(arguments: [("Karl Quaylock", "carl-quaylock"), ("Sofia Marbrand", "sophia-marbrand")])
    func aSpellingVariantResolves(_ name: String, _ id: String) throws {
        let mention = try #require(Self.decided(name))
        #expect(mention.status == .resolved)
        #expect(mention.chosen?.id == id)
        #expect(mention.chosen?.detail.contains("spelled another way") == true)
    }

    @Test(arguments: ["Carla Quaylock", "Quaylock Carla", "Sophie Marbrand", "Wang Yiqin"])
    func anotherNameDoesNotResolve(_ name: String) {
        #expect(Self.decided(name)?.status != .resolved)
    }

    /// A case ending kept from Ukrainian text ("Kiry": Кіри) does not block a name that has a Cyrillic alias.
    @Test func aDeclinedNameKeepsItsOtherEnding() {
        #expect(Self.decided("Kiry Tovkach")?.chosen?.id == "kira-tovkach")
    }
}
