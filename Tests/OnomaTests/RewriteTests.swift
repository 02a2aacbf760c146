import Testing
@testable import Onoma

/// Rewriting is lossless outside resolved mentions: replaying the mentions' replacements onto the original text,
/// by code point offsets, gives exactly the output.
@Suite struct RewriteTests {
    static var engine: Engine { TestGazetteer.engine }

    static let names = [
        "Wang Chien-kuo", "Jianguo Wang", "Wang", "Wang Jianguo", "WANG JIANGUO", "wang jianguo", "Morimoto",
        "Kenta Morimo", "Haruka Morimoto", "Gregor Halvorson", "Halvorsen", "Chou Lin", "Zhou Lin", "Bai Lin",
        "Kang Min-suk", "Min-seok Kang", "Sokolov Pavel", "Dannier Fusite", "Kondoh", "Zorbin Quaylock",
        "Jinghai Gang Jituan", "Culture Minister Chou Lin", "Finance Minister Morimoto",
    ]
    static let filler = [
        "said", "the", "met", "on Monday", "However,", "and", "in", "Talks", ",", ".", ". ", "\n", "!", "?", "'s",
        "(", ")", "“", "”", "—", "é", "Cafe\u{301}", "🙂", "東京", "  ", "\t", "NEWS", "x", "Bridge", "-",
    ]

    static func randomText(_ rng: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...14, using: &rng) {
            let piece = Int.random(in: 0..<3, using: &rng) == 0 ? names.randomElement(using: &rng)! : filler.randomElement(using: &rng)!
            text += piece
            text += ["", " ", " ", " ", ", "].randomElement(using: &rng)!
        }
        return text
    }

    /// The output rebuilt from the original and the resolved mentions' replacements.
    static func replay(_ mentions: [Mention], onto text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var position = 0
        for mention in mentions where mention.status == .resolved {
            out.append(contentsOf: scalars[position..<mention.start])
            out.append(contentsOf: mention.replacement!.unicodeScalars)
            position = mention.end
        }
        out.append(contentsOf: scalars[position...])
        return String(out)
    }

    static func checkMentions(_ result: NormalizationResult, of text: String) {
        let scalars = Array(text.unicodeScalars)
        var previousEnd = 0
        for mention in result.mentions {
            #expect(mention.start >= previousEnd && mention.start < mention.end && mention.end <= scalars.count, "\(text)")
            previousEnd = mention.end
            #expect(mention.surface.unicodeScalars.elementsEqual(scalars[mention.start..<mention.end]), "\(text)")
            #expect((mention.status == .resolved) == (mention.replacement != nil), "\(mention.surface) in \(text)")
            #expect((mention.status == .resolved) == (mention.chosen != nil))
        }
    }

    @Test func replayGivesTheOutput() {
        var rng = SeededGenerator(seed: 0x5EED)
        var resolvedSeen = 0
        for _ in 0..<300 {
            let text = Self.randomText(&rng)
            let result = Self.engine.normalize(text)
            Self.checkMentions(result, of: text)
            let replayed = Self.replay(result.mentions, onto: text)
            #expect(Array(replayed.unicodeScalars) == Array(result.text.unicodeScalars), "\(text)")
            resolvedSeen += result.mentions.filter { $0.status == .resolved }.count
        }
        #expect(resolvedSeen > 100, "the vocabulary should resolve often")
    }

    /// Annotate mode finds the same mentions, keeps each surface and adds the canonical name after it (unless the
    /// surface already spells it): taking the annotations out gives the original text back.
    @Test func annotateKeepsTheSurface() {
        var rng = SeededGenerator(seed: 0xA11)
        for _ in 0..<200 {
            let text = Self.randomText(&rng)
            let replaced = Self.engine.normalize(text, mode: .replace)
            let annotated = Self.engine.normalize(text, mode: .annotate)
            Self.checkMentions(annotated, of: text)
            #expect(annotated.mentions.map(\.start) == replaced.mentions.map(\.start), "\(text)")
            #expect(annotated.mentions.map(\.status) == replaced.mentions.map(\.status), "\(text)")
            #expect(annotated.mentions.map { $0.chosen?.id } == replaced.mentions.map { $0.chosen?.id }, "\(text)")
            for mention in annotated.mentions {
                if let chosen = mention.chosen {
                    let spellsIt = KeyFolding.key(mention.surface) == KeyFolding.key(chosen.name)
                    #expect(mention.replacement == (spellsIt ? mention.surface : "\(mention.surface) [\(chosen.name)]"))
                }
            }
            #expect(Array(Self.replay(annotated.mentions, onto: text).unicodeScalars) == Array(annotated.text.unicodeScalars))
            // Remove the annotations: the original comes back.
            var stripped = annotated.mentions.filter { $0.status == .resolved }
            for i in stripped.indices { stripped[i].replacement = stripped[i].surface }
            #expect(Array(Self.replay(stripped, onto: text).unicodeScalars) == Array(text.unicodeScalars))
        }
    }

    @Test func annotateExample() {
        let result = Self.engine.normalize("Officials said Wang Chien-kuo visited the dam.", mode: .annotate)
        #expect(result.text == "Officials said Wang Chien-kuo [Wang Jianguo] visited the dam.")
        let canonical = Self.engine.normalize("Officials said Wang Jianguo visited the dam.", mode: .annotate)
        #expect(canonical.text == "Officials said Wang Jianguo visited the dam.", "no [Wang Jianguo] after Wang Jianguo")
    }

    /// Text without any resolved mention comes back unchanged, scalar for scalar (no normalization of any kind).
    @Test(arguments: ["", "\n\n", "plain words only.", "Cafe\u{301} and Café", "\u{FEFF}BOM\r\nline", "🙂🙂 東京 \t tab",
                      "Zorbin Quaylock met Morimoto."])
    func unchangedText(_ text: String) {
        let result = Self.engine.normalize(text)
        #expect(Array(result.text.unicodeScalars) == Array(text.unicodeScalars))
    }

    @Test func rewriterSkipsOverlapsAndUnresolved() {
        let scalars = Array("abcdef".unicodeScalars)
        func mention(_ start: Int, _ end: Int, _ status: MentionStatus, _ replacement: String?) -> Mention {
            Mention(start: start, end: end, surface: String(String.UnicodeScalarView(scalars[start..<end])), status: status,
                    candidates: [], replacement: replacement)
        }
        let mentions = [mention(3, 5, .resolved, "X"), mention(0, 2, .resolved, "Y"), mention(1, 4, .resolved, "Z"),
                        mention(5, 6, .ambiguous, "W")]
        #expect(Rewriter.apply(mentions, to: scalars) == "YcXf")
    }
}
