import Foundation

/// Derives the Latin name forms of an entity from its canonical name and aliases (stage "keys" of the pipeline):
/// Han characters by pinyin and Wade–Giles, Japanese readings by Hepburn, Hangul by the Korean systems, Cyrillic
/// by the newspaper rules, anything else by ICU's Any-Latin. For persons it also works out which words are the
/// family name, so order swaps and surname-only mentions can be matched.
struct FormDeriver {
    let rules: RuleSets

    /// Particles that open a Western family name ("von der Leyen", "de Gaulle", "bin Salman").
    static let familyParticles: Set<String> = ["von", "van", "de", "der", "den", "da", "di", "del", "della", "du",
                                                "le", "la", "bin", "ibn", "al", "el", "dos", "das", "ter", "ten", "zu"]

    func forms(of entity: Entity) -> [NameForm] {
        var native = [NameForm]()
        for (index, alias) in entity.aliases.enumerated() {
            native += nativeForms(alias, index: index, entity: entity)
        }
        if !isLatin(entity.name) {
            native += nativeForms(Alias(text: entity.name), index: nil, entity: entity)
        }
        var latin = [NameForm]()
        var latinSources: [(String, Int?)] = []
        if isLatin(entity.name) { latinSources.append((entity.name, nil)) }
        for (index, alias) in entity.aliases.enumerated() where isLatin(alias.text) {
            latinSources.append((alias.text, index))
        }
        for (text, index) in latinSources {
            latin.append(latinForm(text, aliasIndex: index, entity: entity, native: native))
        }
        if entity.type != .person {
            let japanese = entity.aliases.contains { ($0.lang?.lowercased().hasPrefix("ja") ?? false) || dominantScript($0.text) == .kana }
            latin += latin.flatMap { genericVariants(of: $0, japaneseEntity: japanese) }
        }
        // Han aliases of persons: split off the surname when the name is a Chinese-style name of this person
        // (its first syllable sounds like the canonical family name), not a transliteration of a foreign name.
        let canonicalFamily = latin.first.map { FormDeriver.familyText($0) } ?? nil
        native = native.map { form in
            guard form.family == nil, form.words.count >= 2, form.words.count <= 4, entity.type == .person,
                  let index = form.aliasIndex, isChineseName(entity.aliases[index]) else { return form }
            let han = Array(entity.aliases[index].text.filter { !$0.isWhitespace })
            let surnameLength = rules.chineseSurnameLength(han)
            guard let canonicalFamily, form.words.count > surnameLength,
                  FormDeriver.soundsAlike(NameForm.primary(Array(form.words[0..<surnameLength])), canonicalFamily)
                    || form.words[0].contains(where: { FormDeriver.soundsAlike($0.text, canonicalFamily) })
            else { return form }
            var split = form
            split.family = 0..<surnameLength
            return split
        }
        return latin + native
    }

    // MARK: Latin names

    private func latinForm(_ text: String, aliasIndex: Int?, entity: Entity, native: [NameForm]) -> NameForm {
        // An acronym ("METI", "BRICS") is matched exactly only: as an alias, not as a spelling to fuzz.
        let isAcronym = text.count <= 6 && text.allSatisfy { $0.isUppercase || !$0.isLetter } && !text.contains(" ")
        let system: RomanizationSystem = aliasIndex == nil ? .canonical : (isAcronym ? .acronym : .latinAlias)
        let tokens = KeyFolding.tokens(text)
        var form = NameForm(aliasIndex: aliasIndex, words: tokens.map { [Spelling($0, system)] }, family: nil)
        guard entity.type == .person, tokens.count >= 2 else { return form }
        if let family = entity.family.map(KeyFolding.tokens), !family.isEmpty {
            if tokens.starts(with: family) { form.family = 0..<family.count; return form }
            if tokens.reversed().starts(with: family.reversed()) {
                form.family = (tokens.count - family.count)..<tokens.count
                form.givenNamesSeparable = !(entity.given ?? "").contains("-") && tokens.count - family.count >= 2
                return form
            }
        }
        if nativeSaysFamilyFirst(firstToken: tokens[0], lastToken: tokens[tokens.count - 1], native: native) {
            form.family = 0..<1
            return form
        }
        // Western order: the family name is the last word, or starts at a particle ("von der Leyen").
        var start = tokens.count - 1
        if let particle = tokens.indices.dropFirst().dropLast().first(where: { Self.familyParticles.contains(tokens[$0]) }) {
            start = particle
        }
        form.family = start..<tokens.count
        // "Recep Tayyip Erdoğan" may be written "Tayyip Erdoğan"; "Min-seok" is one given name, not two.
        form.givenNamesSeparable = !text.contains("-") && start >= 2
        return form
    }

    /// A Japanese place name with its generic word the other way (japanese-place-generics.txt): "Shinano-gawa River"
    /// also as "Shinano River" and "Shinano-gawa"; "Aozora Kaikan" as "Aozora Hall"; and, for an entity with a
    /// Japanese alias, "Hakusan Shrine" as "Hakusan-jinja Shrine" and "Hakusan-jinja".
    func genericVariants(of form: NameForm, japaneseEntity: Bool) -> [NameForm] {
        let words = form.words.map { NameForm.primary([$0]) }
        guard words.count >= 2 else { return [] }
        // Every word of a variant is tagged with the rule, so its keys say how they were made; a match through
        // one counts as the name written another accepted way, not as a misspelling to rewrite.
        func variant(_ replaced: [[Spelling]]) -> NameForm {
            let tagged = replaced.map { $0.map { Spelling($0.text, .japaneseGeneric) } }
            return NameForm(aliasIndex: form.aliasIndex, words: tagged, family: nil)
        }
        func spelled(_ options: [String]) -> [Spelling] { options.map { Spelling($0, .japaneseGeneric) } }
        var variants = [NameForm]()
        for generic in rules.japanesePlaceGenerics {
            let last = words.count - 1
            if generic.japanese.contains(words[last - 1]) && generic.english.contains(words[last]) {
                // Both: drop either one.
                variants.append(variant(Array(form.words[..<(last - 1)]) + [form.words[last]]))
                variants.append(variant(Array(form.words[..<last])))
            } else if generic.japanese.contains(words[last]) {
                variants.append(variant(Array(form.words[..<last]) + [spelled(generic.english)]))
            } else if japaneseEntity, generic.english.contains(words[last]) {
                let inserted = Array(form.words[..<last]) + [spelled(generic.japanese)]
                variants.append(variant(inserted + [form.words[last]]))
                variants.append(variant(inserted))
            }
        }
        return variants
    }

    /// Whether a native-script form shows the family name first: its first syllable or word sounds like the Latin
    /// name's first token and not like its last (Xi Jinping = 习 + 近平; Katherine Tai = 戴琪, Western order).
    private func nativeSaysFamilyFirst(firstToken: String, lastToken: String, native: [NameForm]) -> Bool {
        for form in native {
            // A form that knows its family name compares that (Cyrillic "Имя Фамилия" is given name first);
            // otherwise its first word, the surname position of Chinese and Korean names.
            guard let firstWord = form.family != nil ? form.familyWords.first : form.words.first else { continue }
            let first = firstWord.contains { Self.soundsAlike($0.text, firstToken) }
            let last = firstWord.contains { Self.soundsAlike($0.text, lastToken) }
            if first && !last { return true }
            if last && !first { return false }
        }
        return false
    }

    /// Two spellings sound alike: equal, the same sound skeleton, or very close (Lee ~ li, Hun ~ hung).
    static func soundsAlike(_ a: String, _ b: String) -> Bool {
        if a.isEmpty || b.isEmpty { return false }
        if a == b { return true }
        if abs(a.count - b.count) > 2 { return false }
        let sa = PhoneticSkeleton.of(a), sb = PhoneticSkeleton.of(b)
        if !sa.isEmpty && sa == sb && a.first == b.first { return true }
        return Distance.jaroWinkler(a, b) >= 0.85
    }

    static func familyText(_ form: NameForm) -> String? {
        form.family == nil ? nil : NameForm.primary(form.familyWords)
    }

    // MARK: Native scripts

    private func nativeForms(_ alias: Alias, index: Int?, entity: Entity) -> [NameForm] {
        let isPerson = entity.type == .person
        let text = alias.text
        var forms = [NameForm]()
        if let reading = alias.reading, !reading.isEmpty {
            let words = rules.kanaWords(reading)
            if !words.isEmpty {
                forms.append(NameForm(aliasIndex: index, words: words,
                                      family: isPerson && words.count >= 2 ? 0..<1 : nil))
            }
        }
        let letters = text.filter { !$0.isWhitespace && $0 != "·" && $0 != "・" && $0 != "-" }
        switch dominantScript(text) {
        case .han:
            let han = Array(letters)
            let isJapanese = alias.lang?.lowercased().hasPrefix("ja") ?? false
            let surnameLength = isPerson && !isJapanese && (2...4).contains(han.count) ? rules.chineseSurnameLength(han) : 0
            let syllables = rules.hanSyllables(han, surnameLength: surnameLength, includeWadeGiles: !isJapanese)
            forms.append(NameForm(aliasIndex: index, words: syllables, family: nil))
            // The whole-word reading can differ from character-by-character readings (polyphones in words); a
            // person's name is read character by character, with the surname reading (朴 Piao, not pu).
            if isJapanese && isPerson, let read = japaneseNameReadings(text, reading: alias.reading, index: index) {
                forms.append(read)
            }
            let whole = KeyFolding.key(rules.reading(String(han), person: isPerson))
            if surnameLength == 0, whole != NameForm.primary(syllables) {
                forms.append(NameForm(aliasIndex: index, words: [[Spelling(whole, .pinyin)]], family: nil))
            }
        case .kana:
            if alias.reading == nil {
                let words = rules.kanaWords(text)
                forms.append(NameForm(aliasIndex: index, words: words, family: isPerson && words.count >= 2 ? 0..<1 : nil))
            }
        case .hangul:
            let words = text.split(whereSeparator: { $0 == " " || $0 == "-" })
            if words.count == 1 && isPerson && (2...5).contains(letters.count) {
                let hangul = Array(letters)
                let surnameLength = rules.koreanSurnameLength(hangul)
                var syllables = [rules.hangulSurname(Array(hangul[0..<surnameLength]))]
                syllables += hangul[surnameLength...].map { rules.hangulSyllable(String($0)) }
                forms.append(NameForm(aliasIndex: index, words: syllables, family: 0..<1))
            } else {
                let syllables = words.flatMap { word in word.map { rules.hangulSyllable(String($0)) } }
                forms.append(NameForm(aliasIndex: index, words: syllables, family: nil))
            }
        case .cyrillic:
            let words = text.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
            let isUkrainian = (alias.lang?.lowercased().hasPrefix("uk") ?? false)
                || text.contains(where: { "іїєґІЇЄҐ".contains($0) })
            let spelled = words.map { rules.cyrillicWord($0, ukrainian: isUkrainian) }
            var family: Range<Int>? = nil
            if isPerson && words.count == 2 { family = 1..<2 }
            if isPerson && words.count == 3 {
                if isPatronymic(words[1]) { family = 2..<3 } else if isPatronymic(words[2]) { family = 0..<1 }
            }
            var variants = [NameForm(aliasIndex: index, words: spelled, family: family)]
            if isUkrainian {
                // The Russian form of a Ukrainian name, as a form of its own: a name is written in one language's
                // form or the other's, not a mix (Vasyl Grigorenko is neither Vasyl Hryhorenko nor Vasily Grigorenko).
                let russian = words.indices.map { i in
                    // A person named by one word alone is named by a given name (Михайло), when the table has it.
                    rules.russianFormWord(words[i], givenName: isPerson && (family.map { !$0.contains(i) } ?? (words.count == 1)))
                }
                if russian.map({ NameForm.primary([$0]) }) != spelled.map({ NameForm.primary([$0]) }) {
                    variants.append(NameForm(aliasIndex: index, words: russian, family: family))
                }
            }
            // A place in another case, as MT copies it from the sentence ("the mayor of Poltavy"): its last word
            // inflected, the rest as written.
            if entity.type == .place, let last = words.indices.last {
                for (i, variant) in variants.enumerated() {
                    let inflected = rules.caseFormSpellings(words[last], ukrainian: isUkrainian, russianForm: i > 0)
                    guard !inflected.isEmpty else { continue }
                    var form = variant
                    form.words[last] = inflected
                    variants.append(form)
                }
            }
            for var form in variants {
                if words.count == 3, let f = family {
                    // Drop the patronymic: newspapers rarely print it.
                    let patronymic = f.lowerBound == 0 ? 2 : 1
                    form.words.remove(at: patronymic)
                    form.family = f.lowerBound == 0 ? 0..<1 : 1..<2
                }
                forms.append(form)
            }
        case .latin, .none:
            break
        case .other:
            let words = text.split(whereSeparator: { $0 == " " }).map { rules.anyLatinWord(String($0)) }
            forms.append(NameForm(aliasIndex: index, words: words, family: isPerson && words.count == 2 ? 1..<2 : nil))
        }
        return forms.filter { !$0.words.isEmpty && !NameForm.primary($0.words).isEmpty }
    }

    /// A kanji person's name read with JMnedict's family- and given-name readings (Data/lexicons/
    /// japanese-name-readings.tsv): split where the dictionary knows both halves (at the space, if the name has
    /// one), preferring the split whose readings give the alias's own reading, each half with its readings.
    private func japaneseNameReadings(_ text: String, reading: String?, index: Int?) -> NameForm? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
        var splits = [(family: String, given: String)]()
        if parts.count == 2 {
            splits = [(parts[0], parts[1])]
        } else if parts.count == 1 {
            let han = Array(parts[0])
            guard (2...6).contains(han.count) else { return nil }
            for f in 1..<han.count where f <= 3 && han.count - f <= 3 {
                splits.append((String(han[..<f]), String(han[f...])))
            }
        }
        // JMnedict's readings are written as newspapers print them, long vowels short ("Sato", not "Satou").
        func short(_ s: String) -> String {
            s.replacingOccurrences(of: "oo", with: "o").replacingOccurrences(of: "uu", with: "u")
                .replacingOccurrences(of: "ou", with: "o")
        }
        let target = reading.map { short(NameForm.primary(rules.kanaWords($0))) }
        var best: (fits: Bool, family: [String], given: [String])?
        for split in splits {
            let family = rules.kanjiReadings.readings(of: split.family, as: .family)
            let given = rules.kanjiReadings.readings(of: split.given, as: .given)
            guard !family.isEmpty, !given.isEmpty else { continue }
            let fits = target.map { t in family.contains { f in given.contains { short(f + $0) == t } } } ?? false
            if best == nil || (fits && !best!.fits) { best = (fits, family, given) }
        }
        guard let best, reading == nil || best.fits else { return nil }
        let words = [best.family, best.given].map { $0.map { Spelling($0, .japaneseNameReading) } }
        return NameForm(aliasIndex: index, words: words, family: 0..<1)
    }

    private func isPatronymic(_ word: String) -> Bool {
        let w = word.lowercased()
        return ["ович", "евич", "ич", "овна", "евна", "ична", "инична"].contains { w.hasSuffix($0) }
    }

    private func isChineseName(_ alias: Alias) -> Bool {
        guard dominantScript(alias.text) == .han else { return false }
        return !(alias.lang?.lowercased().hasPrefix("ja") ?? false)
    }

    private func isLatin(_ text: String) -> Bool { dominantScript(text) == .latin }
}

/// The writing system that most letters of a text belong to.
enum Script {
    case latin, han, kana, hangul, cyrillic, other

    /// Whether a text in this script is romanized syllable by syllable (Han, kana, Hangul).
    static func isSyllabic(_ text: String) -> Bool {
        switch dominantScript(text) {
        case .han, .kana, .hangul: return true
        default: return false
        }
    }
}

/// The script of most letters in `text` (nil if it has no letters). Kana anywhere makes it Japanese kana.
func dominantScript(_ text: String) -> Script? {
    var counts = [Script: Int]()
    for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
        let v = scalar.value
        let script: Script
        switch v {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: script = .kana
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: script = .hangul
        case 0x0400...0x052F: script = .cyrillic
        case 0x0041...0x024F, 0x1E00...0x1EFF: script = .latin
        default: script = scalar.properties.isIdeographic ? .han : .other
        }
        counts[script, default: 0] += 1
    }
    if counts[.kana] != nil && counts[.han] == nil { return .kana }
    return counts.max { $0.value < $1.value }?.key
}
