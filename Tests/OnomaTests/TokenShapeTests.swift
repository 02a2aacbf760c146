import Testing
@testable import Onoma

/// The ASCII fast path of `Tokenizer.shape` (issue 11) says what Unicode's letter and case properties say.
@Suite struct TokenShapeTests {
    @Test(arguments: [("Quaylock", Token.Shape.capitalized), ("quaylock", .lower), ("QUAYLOCK", .upper), ("Q", .capitalized),
                      ("al-Marbrand", .capitalized), ("al-marbrand", .lower), ("McQuay", .capitalized), ("2024", .uncased),
                      ("G7", .capitalized), ("US", .upper), ("O'Quay", .capitalized), ("x-ray", .lower)])
    func asciiWords(_ word: String, _ shape: Token.Shape) {
        let scalars = ArraySlice(word.unicodeScalars)
        #expect(Tokenizer.shape(of: scalars) == shape)
        #expect(Tokenizer.unicodeShape(of: scalars) == shape)
    }

    /// Random words of ASCII letters, digits, hyphens and apostrophes: both paths agree on every one.
    @Test func theFastPathAgreesWithUnicodeOnRandomWords() {
        var random = SeededGenerator(seed: 11)
        let alphabet = Array("abcxyzABCXYZ09-'")
        for _ in 0..<20_000 {
            let word = String((0..<Int.random(in: 1...8, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let scalars = ArraySlice(word.unicodeScalars)
            #expect(Tokenizer.asciiShape(of: scalars) == Tokenizer.unicodeShape(of: scalars), "\(word)")
        }
    }
}
