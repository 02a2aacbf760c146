import Testing
@testable import Onoma

/// The lexicon table the background is built on: looked up by first field, in any file order, comments and blank
/// lines skipped, CRLF endings tolerated.
@Suite struct SortedLexiconTests {
    @Test func findsEveryLineByItsFirstField() {
        let lexicon = SortedLexicon("# a comment\nalpha\t2.5\nbeta\n\ngamma\tx y\r\ndelta\t\n")
        #expect(lexicon.count == 4)
        #expect(lexicon.value(of: "alpha") == "2.5")
        #expect(lexicon.value(of: "beta") == "")
        #expect(lexicon.value(of: "gamma") == "x y")
        #expect(lexicon.value(of: "delta") == "")
        #expect(lexicon.contains("beta"))
        #expect(!lexicon.contains("# a comment") && !lexicon.contains("") && !lexicon.contains("alph") && !lexicon.contains("alphaa"))
    }

    @Test func anUnsortedFileIsSortedFirst() {
        let words = (0..<500).map { "w\(($0 * 7919) % 1000)" }
        let lexicon = SortedLexicon(words.map { $0 + "\t" + $0.uppercased() }.joined(separator: "\n"))
        for word in words { #expect(lexicon.value(of: word) == word.uppercased()) }
        #expect(!lexicon.contains("w1001"))
    }

    @Test func theBuiltinLexiconsAreLoadedWhole() {
        let background = Background.builtin
        #expect(background.englishWords.count > 100_000)
        #expect(background.english("copper").map { $0 >= 3 } == true)
        #expect(background.places.contains("tokyo"))
        #expect(background.japaneseNames.value(of: "tanaka")?.contains("f") == true)
        #expect(SortedLexicon(nil).count == 0)
    }
}
