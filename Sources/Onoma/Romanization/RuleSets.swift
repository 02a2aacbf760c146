import Foundation

/// The romanization machinery, compiled once when a gazetteer loads: ICU's system transliterators plus the rule
/// sets and tables under Data/romanization/. Everything here runs at load time, never per token of input.
public final class RuleSets: @unchecked Sendable {
    /// ICU's Han-Latin with name readings: one compiled Han transliterator (compiling one costs a fifth of a
    /// second), used for every Chinese character.
    let hanLatin: Transliterator
    let mandarinCommonReadings: Transliterator
    let kanaLatin: Transliterator
    let anyLatin: Transliterator
    let mandarinSurnames: Transliterator
    let wadeGiles: Transliterator
    let japaneseLongVowels: Transliterator
    let japaneseSmallKana: Transliterator
    let koreanRevised: Transliterator
    let koreanMcCuneReischauer: Transliterator
    let koreanCustomary: Transliterator
    let russian: Transliterator
    let ukrainian: Transliterator
    let ukrainianRussianForm: Transliterator
    /// Results of ICU calls already made, per transliterator and input: names share characters and syllables, so
    /// most calls repeat. Only touched while a gazetteer loads, on one thread.
    private var memo = [String: [String: String]]()

    /// `transliterator(text)`, computed once per distinct input.
    func cached(_ transliterator: Transliterator, _ text: String) -> String {
        if let hit = memo[transliterator.name]?[text] { return hit }
        let result = transliterator(text)
        memo[transliterator.name, default: [:]][text] = result
        return result
    }

    /// Spellings of Hangul syllables already romanized (names share syllables; ICU is called once for each).
    /// Only touched while a gazetteer loads, on one thread.
    private var hangulCache = [String: [Spelling]]()
    /// Two-character Chinese surnames (欧阳, 司马…).
    let chineseCompoundSurnames: Set<String>
    /// Korean surnames and their customary spellings, most usual first.
    let koreanSurnames: [String: [String]]
    /// British and American spellings of word parts (english-spellings.txt), British first.
    let englishSpellings: [(String, String)]
    /// Readings of kanji family and given names (lexicons/japanese-name-readings.tsv).
    let kanjiReadings: KanjiReadings
    /// Ukrainian given names (lower case) and their Russian counterparts (ukrainian-russian-given-names.txt).
    let ukrainianRussianGivenNames: [String: String]
    /// Korean given-name syllables and their spellings in Korean people's English names, with counts, most usual
    /// first (Data/romanization/korean-syllable-spellings.tsv, learned by Scripts/learn_korean_spellings.py).
    let koreanLearnedSpellings: [String: [(spelling: String, count: Int)]]
    /// The same per letter: "I" + initial, "V"/"O" + vowel (after a consonant / after the silent ㅇ), "F" + final
    /// or "F-" (Data/romanization/korean-jamo-spellings.tsv).
    let koreanJamoSpellings: [String: [(spelling: String, count: Int)]]
    /// Nominative endings of place names and their other case forms, longest ending first
    /// (Data/romanization/cyrillic-place-case-forms.txt; "-" is a hard consonant).
    let cyrillicCaseEndings: [(ending: String, forms: [String])]
    /// Japanese generic words of place names and their English translations (japanese-place-generics.txt):
    /// (["gawa", "kawa"], ["river"]).
    let japanesePlaceGenerics: [(japanese: [String], english: [String])]

    /// Compiles the rule sets from `files` (path below Data/ -> text; the built-in copy by default).
    public init(files: [String: String] = BuiltinData.files) throws {
        func rules(_ name: String) throws -> Transliterator {
            let path = "romanization/\(name).txt"
            guard let text = files[path] else {
                throw TransliterationError(source: "Data/\(path)", icuError: "missing file", line: nil)
            }
            return try Transliterator(name: "onoma-\(name)", rules: text)
        }
        hanLatin = try Transliterator(id: "Han-Latin/Names; Latin-ASCII; Lower")
        kanaLatin = try Transliterator(id: "Hiragana-Latin; Katakana-Latin; Latin-ASCII; Lower")
        anyLatin = try Transliterator(id: "Any-Latin; Latin-ASCII; Lower")
        mandarinSurnames = try rules("mandarin-surnames")
        mandarinCommonReadings = try rules("mandarin-common-readings")
        wadeGiles = try rules("pinyin-wade-giles")
        japaneseLongVowels = try rules("japanese-long-vowels")
        japaneseSmallKana = try rules("japanese-small-kana")
        koreanRevised = try rules("korean-revised-romanization")
        koreanMcCuneReischauer = try rules("korean-mccune-reischauer")
        koreanCustomary = try rules("korean-name-spellings")
        russian = try rules("russian-newspaper")
        ukrainian = try rules("ukrainian-newspaper")
        ukrainianRussianForm = try rules("ukrainian-russian-form")
        chineseCompoundSurnames = Set(Self.lines(files["romanization/chinese-compound-surnames.txt"] ?? ""))
        var surnames = [String: [String]]()
        for line in Self.lines(files["romanization/korean-surnames.txt"] ?? "") {
            let fields = line.split(separator: "\t", maxSplits: 1)
            guard fields.count == 2 else { continue }
            surnames[String(fields[0])] = fields[1].split(separator: " ").map { $0.lowercased() }
        }
        koreanSurnames = surnames
        koreanLearnedSpellings = Self.countedSpellings(files["romanization/korean-syllable-spellings.tsv"], keyFields: 1)
        koreanJamoSpellings = Self.countedSpellings(files["romanization/korean-jamo-spellings.tsv"], keyFields: 2)
        kanjiReadings = KanjiReadings(text: files["lexicons/japanese-name-readings.tsv"] ?? "")
        var givenNames = [String: String]()
        for line in Self.lines(files["romanization/ukrainian-russian-given-names.txt"] ?? "") {
            let fields = line.split(separator: "\t")
            if fields.count == 2 { givenNames[fields[0].lowercased()] = fields[1].lowercased() }
        }
        ukrainianRussianGivenNames = givenNames
        cyrillicCaseEndings = Self.lines(files["romanization/cyrillic-place-case-forms.txt"] ?? "").compactMap { line in
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { return nil }
            return (String(fields[0]), fields[1].split(separator: " ").map(String.init))
        }.sorted { $0.ending.count > $1.ending.count }
        japanesePlaceGenerics = Self.lines(files["romanization/japanese-place-generics.txt"] ?? "").compactMap { line in
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { return nil }
            return (fields[0].split(separator: " ").map(String.init), fields[1].split(separator: " ").map(String.init))
        }
        englishSpellings = Self.lines(files["romanization/english-spellings.txt"] ?? "").compactMap { line in
            let fields = line.split(separator: "\t")
            return fields.count == 2 ? (String(fields[0]), String(fields[1])) : nil
        }
    }

    /// Whether two different folded keys are one name in British and American spelling ("organisation",
    /// "organization"): both are rewritten to the American forms and compared.
    func sameInAnotherSpelling(_ a: String, _ b: String) -> Bool {
        guard a != b, a.count == b.count || abs(a.count - b.count) <= 2 else { return false }
        func american(_ key: String) -> String {
            var key = key
            for (british, us) in englishSpellings { key = key.replacingOccurrences(of: british, with: us) }
            return key
        }
        return american(a) == american(b)
    }

    /// A learned spelling table: per line, `keyFields` tab-separated fields (joined, they are the key), then
    /// tab-separated "spelling count" entries.
    static func countedSpellings(_ text: String?, keyFields: Int) -> [String: [(spelling: String, count: Int)]] {
        var table = [String: [(spelling: String, count: Int)]]()
        for line in lines(text ?? "") {
            let fields = line.split(separator: "\t")
            guard fields.count > keyFields else { continue }
            table[fields.prefix(keyFields).joined()] = fields.dropFirst(keyFields).compactMap { field in
                let parts = field.split(separator: " ")
                guard parts.count == 2, let count = Int(parts[1]) else { return nil }
                return (String(parts[0]), count)
            }
        }
        return table
    }

    /// Non-empty, non-comment lines of a data file.
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    // MARK: Chinese characters

    /// The pinyin syllables of a Han string, one per character, each with its spellings: pinyin first, then
    /// Wade–Giles; the first `surnameLength` characters read as a surname (朴 Piao), with the character's common
    /// reading (mandarin-common-readings.txt) as a lower-scored alternative.
    func hanSyllables(_ han: [Character], surnameLength: Int, includeWadeGiles: Bool = true) -> [[Spelling]] {
        var words = [[Spelling]]()
        func withWadeGiles(_ spellings: [Spelling]) -> [Spelling] {
            guard includeWadeGiles, let pinyin = spellings.first?.text else { return Spelling.unique(spellings) }
            return Spelling.unique(spellings + [Spelling(KeyFolding.key(cached(wadeGiles, pinyin)), .wadeGiles)])
        }
        if surnameLength > 0, han.count >= surnameLength {
            let surname = String(han[0..<surnameLength])
            let special = cached(mandarinSurnames, surname)
            if special != surname, !special.unicodeScalars.contains(where: { $0.properties.isIdeographic }) {
                var reading = [Spelling(KeyFolding.key(special), .pinyin)]
                let common = cached(mandarinCommonReadings, surname)
                if !common.unicodeScalars.contains(where: { $0.properties.isIdeographic }) {
                    reading.append(Spelling(KeyFolding.key(common), .pinyinCommonReading))
                }
                words.append(surnameLength == 1 ? withWadeGiles(reading) : Spelling.unique(reading))
            } else {
                for character in han[0..<surnameLength] {
                    words.append(withWadeGiles([Spelling(KeyFolding.key(cached(hanLatin, String(character))), .pinyin)]))
                }
            }
        }
        for character in han[min(han.count, surnameLength)...] {
            words.append(withWadeGiles([Spelling(KeyFolding.key(reading(String(character), person: surnameLength > 0)), .pinyin)]))
        }
        return words
    }

    /// The Mandarin reading of Han text: ICU's Han-Latin/Names, which prefers name readings; in a name that is not a
    /// person's, characters listed in mandarin-common-readings.txt take their common reading first.
    func reading(_ han: String, person: Bool) -> String {
        cached(hanLatin, person ? han : cached(mandarinCommonReadings, han))
    }

    /// How many leading characters of a Chinese-script person name are the surname (1 or 2).
    func chineseSurnameLength(_ han: [Character]) -> Int {
        han.count >= 3 && chineseCompoundSurnames.contains(String(han[0..<2])) ? 2 : 1
    }

    // MARK: Japanese

    /// The words of a kana reading in Hepburn, each with its customary long-vowel spellings.
    func kanaWords(_ reading: String) -> [[Spelling]] {
        reading.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "・" }).map { word in
            let hepburn = KeyFolding.key(cached(japaneseSmallKana, cached(kanaLatin, String(word))))
            var spellings = [Spelling(hepburn, .hepburn)]
            for variant in VariantExpansion.expand(cached(japaneseLongVowels, hepburn), limit: 16) {
                spellings.append(Spelling(variant, .hepburnVariant))
            }
            return Spelling.unique(spellings)
        }
    }

    // MARK: Korean

    /// The spellings of one Hangul syllable in Revised Romanization, McCune–Reischauer and customary use.
    func hangulSyllable(_ syllable: String) -> [Spelling] {
        if let cached = hangulCache[syllable] { return cached }
        var spellings = [Spelling(KeyFolding.key(koreanRevised(syllable)), .koreanRevised),
                         Spelling(KeyFolding.key(koreanMcCuneReischauer(syllable)), .koreanMcCuneReischauer)]
        for variant in VariantExpansion.expand(koreanCustomary(syllable), limit: 24) {
            spellings.append(Spelling(KeyFolding.key(variant), .koreanCustomary))
        }
        spellings = Spelling.unique(spellings)
        // Where Korean names' English forms show how the syllable is spelled (korean-syllable-spellings.tsv), or
        // how its letters are (korean-jamo-spellings.tsv), each spelling costs its negative log share: the
        // syllable's own, or its letters' summed plus one (weaker evidence), whichever is lower. Spellings are
        // tried cheapest first; a rule's spelling neither shows costs more than any they show; one they show
        // that no rule makes is added as learned.
        var cost = [String: Float]()
        if let learned = koreanLearnedSpellings[syllable] {
            let total = Float(learned.reduce(0) { $0 + $1.count })
            for entry in learned { cost[entry.spelling] = -log(Float(entry.count) / total) }
        }
        for (text, letters) in koreanLetterSpellings(syllable) { cost[text] = min(cost[text] ?? .infinity, letters + 1) }
        if !cost.isEmpty {
            let unseen = (cost.values.max() ?? 0) + 1
            var ranked = spellings.map { Spelling($0.text, $0.system, cost: cost[$0.text] ?? unseen) }
            // In text order: a dictionary's order changes from process to process, and ties must not.
            for (text, c) in cost.sorted(by: { $0.key < $1.key }) where !spellings.contains(where: { $0.text == text }) {
                ranked.append(Spelling(text, .koreanLearned, cost: c))
            }
            // Cheapest first; ties keep the rules' order, then the text's.
            let order = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1.text, $0) })
            ranked.sort { ($0.cost, order[$0.text]!, $0.text) < ($1.cost, order[$1.text]!, $1.text) }
            spellings = Array(ranked.prefix(Self.maximumKoreanSyllableSpellings))
        }
        hangulCache[syllable] = spellings
        return spellings
    }

    /// The most spellings a Korean syllable keeps once their costs are known (the cheapest).
    static let maximumKoreanSyllableSpellings = 12

    /// Spellings of a Hangul syllable put together from its letters' learned spellings (korean-jamo-spellings.tsv),
    /// each with its cost (the letters' negative log shares, summed); the eight cheapest. Empty when a letter has
    /// no learned spellings.
    func koreanLetterSpellings(_ syllable: String) -> [(text: String, cost: Float)] {
        guard let scalar = syllable.unicodeScalars.first, syllable.unicodeScalars.count == 1,
              (0xAC00...0xD7A3).contains(scalar.value) else { return [] }
        let index = Int(scalar.value - 0xAC00)
        let initial = Unicode.Scalar(0x1100 + UInt32(index / 588))!, vowel = Unicode.Scalar(0x1161 + UInt32(index % 588 / 28))!
        let finalIndex = index % 28
        let silent = initial.value == 0x110B
        let keys = ["I" + String(Character(initial)), (silent ? "O" : "V") + String(Character(vowel)),
                    "F" + (finalIndex == 0 ? "-" : String(Character(Unicode.Scalar(0x11A7 + UInt32(finalIndex))!)))]
        var parts = [[(text: String, cost: Float)]]()
        for key in keys {
            guard let options = koreanJamoSpellings[key], !options.isEmpty else { return [] }
            let total = Float(options.reduce(0) { $0 + $1.count })
            parts.append(options.map { ($0.spelling == "-" ? "" : $0.spelling, -log(Float($0.count) / total)) })
        }
        var out = [(text: String, cost: Float)]()
        for i in parts[0] { for v in parts[1] { for f in parts[2] { out.append((i.text + v.text + f.text, i.cost + v.cost + f.cost)) } } }
        return Array(out.sorted { ($0.cost, $0.text) < ($1.cost, $1.text) }.prefix(8))
    }

    /// The spellings of a Korean surname: the surname table's first, then the syllable systems'.
    func hangulSurname(_ surname: [Character]) -> [Spelling] {
        // The table's spellings, most usual first, each a little more unusual than the one before it.
        var spellings = (koreanSurnames[String(surname)] ?? []).enumerated().map { Spelling($1, .koreanSurname, cost: Float($0) * 0.7) }
        let afterTable = Float(spellings.count) * 0.7
        if surname.count == 1 {
            spellings += hangulSyllable(String(surname[0])).map { Spelling($0.text, $0.system, cost: afterTable + $0.cost) }
        } else {
            let parts = surname.map { hangulSyllable(String($0)) }
            let joined = parts.reduce([""]) { acc, options in acc.flatMap { p in options.prefix(2).map { p + $0.text } } }
            spellings += joined.map { Spelling($0, .koreanRevised) }
        }
        return Spelling.unique(spellings)
    }

    /// How many leading syllables of a Hangul name are the surname (two-syllable surnames from the table).
    func koreanSurnameLength(_ hangul: [Character]) -> Int {
        hangul.count >= 3 && koreanSurnames[String(hangul[0..<2])] != nil ? 2 : 1
    }

    // MARK: Cyrillic and the rest

    /// Spellings of one Cyrillic word by the Russian or Ukrainian newspaper rules, plus, for a Russian word, ICU's
    /// scholarly transliteration without diacritics.
    func cyrillicWord(_ word: String, ukrainian isUkrainian: Bool) -> [Spelling] {
        let system: RomanizationSystem = isUkrainian ? .ukrainian : .russian
        let rules = isUkrainian ? ukrainian : russian
        var spellings = VariantExpansion.expand(cached(rules, word), limit: 32).map { Spelling(KeyFolding.key($0), system) }
        // ISO 9 reads Cyrillic letters the Russian way (г as g, и as i): for a Ukrainian word that would mix the
        // two forms, so it has none. A short word loses too much with its marks (Чад → cad) to be trusted.
        if !isUkrainian {
            spellings.append(Spelling(KeyFolding.key(cached(anyLatin, word)), word.count >= 5 ? .cyrillicScholarly : .icuAnyLatin))
        }
        return Spelling.unique(spellings)
    }

    /// Spellings of a Ukrainian word in its Russian form, as Russian-language sources and MT from them print it:
    /// a given name by its Russian counterpart when `givenName` (Олександр → Aleksandr), any word respelled letter
    /// by letter (Григоренко → Grigorenko), then by the Russian rules.
    func russianFormWord(_ word: String, givenName: Bool) -> [Spelling] {
        let russianWord = (givenName ? ukrainianRussianGivenNames[word.lowercased()] : nil)
            ?? cached(ukrainianRussianForm, word)
        return VariantExpansion.expand(cached(russian, russianWord), limit: 32)
            .map { Spelling(KeyFolding.key($0), .russianFormOfUkrainian) }
    }

    /// The other case forms of a Cyrillic place name's word (Полтава → Полтави, Полтаві…), by the longest ending the table
    /// knows; none for a word of under four letters or one with an adjective's ending (Запорізький).
    func cyrillicCaseForms(_ word: String) -> [String] {
        let lower = word.lowercased()
        guard lower.count >= 4, let last = lower.last, !["ий", "ый", "ій", "ой", "ое", "ая", "ее", "яя", "ська", "цька", "зька", "ське", "цьке"].contains(where: lower.hasSuffix)
        else { return [] }
        let vowelsAndSigns = "аеёиіїоуыэюяєьй"
        for (ending, forms) in cyrillicCaseEndings {
            let stem: Substring
            if ending == "-" {
                guard !vowelsAndSigns.contains(last), last.isLetter else { continue }
                stem = Substring(lower)
            } else {
                guard lower.hasSuffix(ending) else { continue }
                stem = lower.dropLast(ending.count)
            }
            return forms.map { String(stem) + $0 }
        }
        return []
    }

    /// Spellings of the case forms of a place name's word, as the name's own spelling would give them: by the
    /// Ukrainian or Russian rules, or, for the Russian form of a Ukrainian name, respelled first.
    func caseFormSpellings(_ word: String, ukrainian: Bool, russianForm: Bool) -> [Spelling] {
        let source = russianForm ? cached(ukrainianRussianForm, word) : word
        var spellings = [Spelling]()
        for form in cyrillicCaseForms(source) {
            let rules = ukrainian && !russianForm ? self.ukrainian : russian
            spellings += VariantExpansion.expand(cached(rules, form), limit: 8).map { Spelling(KeyFolding.key($0), .cyrillicCaseForm) }
        }
        return Spelling.unique(spellings)
    }

    /// ICU's Any-Latin spelling of a word in any other script.
    func anyLatinWord(_ word: String) -> [Spelling] {
        [Spelling(KeyFolding.key(cached(anyLatin, word)), .icuAnyLatin)]
    }
}

/// One Latin spelling of a word or syllable, with the system that produced it.
package struct Spelling: Hashable, Sendable {
    package var text: String
    package var system: RomanizationSystem
    /// How unusual the spelling is, as a negative log share (0: usual, or nothing known): when a name's keys are
    /// capped, the combinations of the least unusual spellings are kept (`SpelledKey.combinations`).
    package var cost: Float
    package init(_ text: String, _ system: RomanizationSystem, cost: Float = 0) {
        self.text = text
        self.system = system
        self.cost = cost
    }

    /// Drops empty spellings and later duplicates of the same text (the first, better-scored, stays).
    static func unique(_ spellings: [Spelling]) -> [Spelling] {
        var seen = Set<String>()
        return spellings.filter { !$0.text.isEmpty && seen.insert($0.text).inserted }
    }
}
