import Testing
@testable import Onoma

/// What the decision stage makes of a mention: context from the document and from titles, ambiguity, the
/// thresholds, and spans that must never become mentions.
@Suite struct DecisionTests {
    static var engine: Engine { TestGazetteer.engine }

    // MARK: Document context

    @Test func surnameAfterAFullMentionIsResolved() throws {
        let result = Self.engine.normalize("Wang Chien-kuo opened the meeting. Later, Wang said the dam was safe.")
        #expect(result.mentions.map(\.surface) == ["Wang Chien-kuo", "Wang"])
        let wang = result.mentions[1]
        #expect(wang.status == .resolved)
        #expect(wang.chosen?.id == "wang-jianguo")
        #expect(wang.chosen?.method == .surname)
        #expect(wang.chosen?.context.contains("document") == true)
        #expect(wang.replacement == "Wang")
        #expect(result.text == "Wang Jianguo opened the meeting. Later, Wang said the dam was safe.")
    }

    @Test func shortSurnameAloneNeedsContext() throws {
        let text = "Later, Wang said the dam was safe."
        let result = Self.engine.normalize(text)
        let wang = try #require(TestGazetteer.mention("Wang", in: result))
        #expect(wang.status == .unresolved)
        #expect(wang.candidates.first?.id == "wang-jianguo")
        #expect(wang.replacement == nil)
        #expect(result.text == text)
    }

    @Test func theFullMentionMustComeFirst() throws {
        let result = Self.engine.normalize("Later, Wang said the dam was safe. Wang Chien-kuo then left.")
        #expect(TestGazetteer.mention("Wang", in: result)?.status == .unresolved)
        #expect(TestGazetteer.mention("Wang Chien-kuo", in: result)?.status == .resolved)
    }

    // MARK: Titles and roles

    @Test func matchingTitleLiftsAWeakMatch() throws {
        // "Chou Lin" is 周林 in Wade–Giles: a short non-standard spelling that needs context.
        let result = Self.engine.normalize("Culture Minister Chou Lin said the museum would reopen.")
        let mention = try #require(TestGazetteer.mention("Chou Lin", in: result))
        #expect(mention.status == .resolved)
        #expect(mention.chosen?.id == "zhou-lin")
        #expect(mention.chosen?.context == ["role"])
        #expect(result.text == "Culture Minister Zhou Lin said the museum would reopen.")
    }

    @Test(arguments: ["Reporters asked Chou Lin about the museum.", "Trade Envoy Chou Lin said the museum would reopen."])
    func weakMatchWithoutAMatchingTitleStaysUnresolved(_ text: String) throws {
        let result = Self.engine.normalize(text)
        let mention = try #require(TestGazetteer.mention("Chou Lin", in: result))
        #expect(mention.status == .unresolved)
        #expect(mention.candidates.first?.id == "zhou-lin")
        #expect(mention.candidates.first?.features["short_nonstandard_han"] == 1)
        #expect((mention.candidates.first?.score ?? 1) < Self.engine.model.threshold)
        #expect(result.text == text)
    }

    @Test func theStandardSpellingOfTheSameNameNeedsNoContext() throws {
        let result = Self.engine.normalize("Reporters asked Zhou Lin about the museum.")
        #expect(TestGazetteer.mention("Zhou Lin", in: result)?.status == .resolved)
    }

    // MARK: Ambiguity

    @Test(arguments: ["Asked about the budget, Morimoto declined to comment.", "However Morimoto declined to comment."])
    func sharedFamilyNameIsAmbiguous(_ text: String) throws {
        let result = Self.engine.normalize(text)
        let mention = try #require(TestGazetteer.mention("Morimoto", in: result))
        #expect(mention.status == .ambiguous)
        #expect(mention.chosen == nil)
        #expect(mention.replacement == nil)
        #expect(Set(mention.candidates.prefix(2).map(\.id)) == ["kenta-morimoto", "haruka-morimoto"])
        #expect(result.text == text, "nothing is rewritten")
    }

    @Test func earlierFullNameSettlesTheAmbiguity() throws {
        let result = Self.engine.normalize("Haruka Morimoto arrived first. Asked about the budget, Morimoto declined to comment.")
        let mentions = result.mentions.filter { $0.surface == "Morimoto" }
        #expect(mentions.count == 1)
        #expect(mentions.first?.status == .resolved)
        #expect(mentions.first?.chosen?.id == "haruka-morimoto")
    }

    @Test func roleSettlesTheAmbiguity() throws {
        let result = Self.engine.normalize("Finance Minister Morimoto declined to comment.")
        let mention = try #require(TestGazetteer.mention("Morimoto", in: result))
        #expect(mention.status == .resolved)
        #expect(mention.chosen?.id == "kenta-morimoto")
        #expect(mention.replacement == "Morimoto")
    }

    // MARK: Short Chinese names do not fuzz

    /// 白琳 is "Bai Lin" in pinyin; a two-syllable pinyin key is one letter away from many other names, so near
    /// spellings must not match it.
    @Test(arguments: ["Reporters asked Bai Ling about it.", "Reporters asked Bai Lun about it.", "Reporters asked Mai Lin about it.",
                      "Reporters asked Bailin about it."])
    func shortPinyinKeyDoesNotFuzz(_ text: String) {
        let result = Self.engine.normalize(text)
        let matched = result.mentions.filter { $0.candidates.contains { $0.id == "laura-bennett" } }
        // "Bailin" is the same key written as one word: that one may match, the others may not.
        #expect(matched.isEmpty == !text.contains("Bailin"), "\(result.mentions.map(\.surface))")
        if !text.contains("Bailin") { #expect(result.text == text) }
    }

    @Test func shortWadeGilesSpellingNeedsContext() throws {
        let text = "Reporters asked Pai Lin about it."
        let result = Self.engine.normalize(text)
        let mention = try #require(TestGazetteer.mention("Pai Lin", in: result))
        #expect(mention.status == .unresolved)
        #expect(mention.candidates.first?.id == "laura-bennett")
        #expect(result.text == text)
    }

    // MARK: Spans that are not names, or not names to rewrite

    @Test(arguments: ["However, Wang Chien-kuo disagreed.", "However Wang Chien-kuo disagreed.", "However.", "HOWEVER, WANG CHIEN-KUO DISAGREED."])
    func howeverIsNeverAMention(_ text: String) {
        let result = Self.engine.normalize(text)
        #expect(!result.mentions.contains { $0.surface.lowercased().contains("however") }, "\(result.mentions.map(\.surface))")
        #expect(result.text.hasPrefix(text.hasPrefix("HOWEVER") ? "HOWEVER" : "However"))
    }

    @Test func unknownCapitalizedNameIsReportedUnresolved() throws {
        let text = "Delegates met Zorbin Quaylock on Monday."
        let result = Self.engine.normalize(text)
        let mention = try #require(TestGazetteer.mention("Zorbin Quaylock", in: result))
        #expect(mention.status == .unresolved)
        #expect(mention.candidates.isEmpty)
        #expect(!result.mentions.contains { $0.surface == "Monday" })
        #expect(result.text == text)
    }

    @Test func nameInsideALongerNameIsNotRewritten() {
        let text = "Traffic on the Halvorsen Bridge resumed."
        let result = Self.engine.normalize(text)
        #expect(!result.mentions.contains { $0.status == .resolved })
        #expect(result.text == text)
    }

    // MARK: Case

    @Test func lowerCaseFullName() throws {
        let result = Self.engine.normalize("the minister met wang jianguo on friday.")
        let mention = try #require(TestGazetteer.mention("wang jianguo", in: result))
        #expect(mention.status == .resolved)
        #expect(mention.chosen?.id == "wang-jianguo")
        // The canonical name in another case is the name as written: resolved, not rewritten.
        #expect(mention.replacement == "wang jianguo")
        #expect(result.text == "the minister met wang jianguo on friday.")
    }

    @Test(arguments: ["morimoto and kondo met.", "gregor halvorson arrived.", "the wang family met."])
    func lowerCaseWordsAreNotMatchedLoosely(_ text: String) {
        let result = Self.engine.normalize(text)
        #expect(result.mentions.isEmpty, "\(result.mentions.map(\.surface))")
        #expect(result.text == text)
    }

    @Test func allCapsName() throws {
        let result = Self.engine.normalize("WANG CHIEN-KUO ARRIVES FOR TALKS")
        let mention = try #require(TestGazetteer.mention("WANG CHIEN-KUO", in: result))
        #expect(mention.status == .resolved)
        #expect(mention.chosen?.id == "wang-jianguo")
        // A headline keeps its capitals.
        #expect(mention.replacement == "WANG JIANGUO")
        #expect(result.text == "WANG JIANGUO ARRIVES FOR TALKS")
    }

    @Test func oneWordNameInAnAllCapsHeadline() throws {
        // Made-up place: its Russian form in a headline whose other words are ordinary words.
        let place = Entity(id: "horodyn", name: "Horodyn", type: .place, aliases: [Alias(text: "Городин", lang: "uk")])
        let engine = Engine(entities: [place], rules: try RuleSets())
        let result = engine.normalize("TALKS IN GORODIN STALL AGAIN")
        let mention = try #require(TestGazetteer.mention("GORODIN", in: result))
        #expect(mention.status == .resolved)
        // One word for one word keeps its capitals, short or long.
        #expect(result.text == "TALKS IN HORODYN STALL AGAIN")
        // An ordinary word among ordinary words of a headline is a word, whatever town bears it.
        let town = Entity(id: "stall", name: "Stáll", type: .place)
        let banner = Engine(entities: [town], rules: try RuleSets()).normalize("BIG STALL SALE NOW")
        #expect(TestGazetteer.mention("STALL", in: banner)?.status != .resolved)
    }

    // MARK: Policy

    @Test func thresholdComesFromThePolicy() throws {
        var strict = DecisionPolicy()
        strict.minConfidence = 0.995
        let engine = Engine(entities: TestGazetteer.entities, rules: try RuleSets(), policy: strict)
        let text = "Officials said Wang Chien-kuo visited the dam."
        let result = engine.normalize(text)
        #expect(TestGazetteer.mention("Wang Chien-kuo", in: result)?.status == .unresolved)
        #expect(result.text == text)
        // The canonical spelling is more probable and still passes.
        #expect(TestGazetteer.mention("Wang Jianguo", in: engine.normalize("Officials said Wang Jianguo left."))?.status == .resolved)
    }
}
