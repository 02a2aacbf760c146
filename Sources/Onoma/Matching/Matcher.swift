/// A candidate before context: which entity, through which key and how well it fits the span.
struct RawCandidate {
    var hit: KeyHit
    var key: String
    var method: MatchMethod
    var score: Float
    var edits: Int = 0
    /// Which rule or edit made it match, in words ("truncated family name: hagi ⊂ hagiuda").
    var detail: String = ""
    /// The span stands beside capitalized words nothing explains ("Trump Tower", "Zhang Xiaojie").
    var insideLongerName = false
    /// A single word that opens a sentence, where ordinary words are capitalized too.
    var sentenceStart = false
    /// A name of one or two Chinese or Korean syllables spelled in a non-standard way or swapped ("Tai Chi").
    var shortNonStandardHan = false
    /// The span is written in lower case.
    var lowerCase = false
    /// A misspelled or differently read part sounds like the entity's (same phonetic skeleton: jingping, jinping).
    var soundsAlike = false
}

/// Matches spans of tokens against the key index (stage "match" of the pipeline): exact keys in either name
/// order, family or given names alone, truncated or misspelled name parts, and misspelled whole names.
struct Matcher {
    let engine: Engine
    var index: KeyIndex { engine.index }

    /// Exact candidates for a whole span: keys of full names in either order. When the span has several words,
    /// the family name must be whole words of it: "Lim Yung-hui" is not 이명희 (Li + Myunghui).
    func exactFull(_ key: String, tokens: ArraySlice<Token>) -> [RawCandidate] {
        guard let hits = index.exact[key] else { return [] }
        return hits.compactMap { hit in
            guard tokens.count < 2 || familyAlignsWithWords(hit, tokens) else { return nil }
            let score = hit.score
            let shortHan = isShortNonStandardHan(hit)
            switch hit.part {
            case .full:
                let asWritten: Set<RomanizationSystem> = [.canonical, .latinAlias, .acronym, .japaneseGeneric]
                let method: MatchMethod = hit.systems.allSatisfy(asWritten.contains) ? .alias
                    : hit.systems.contains(.japaneseNameReading) ? .reading : .transliteration
                return RawCandidate(hit: hit, key: key, method: method, score: score,
                                    detail: method == .reading ? "another reading of the kanji (JMnedict)" : "exact key",
                                    shortNonStandardHan: shortHan)
            case .swapped:
                let reading = hit.systems.contains(.japaneseNameReading)
                return RawCandidate(hit: hit, key: key, method: reading ? .reading : .order, score: score - 0.03,
                                    detail: reading ? "another reading of the kanji (JMnedict), in the other order"
                                        : "order swapped: family and given names in the other order",
                                    shortNonStandardHan: shortHan)
            case .family, .given:
                return nil
            }
        }
    }

    /// A name of one or two Chinese or Korean syllables spelled in a non-standard way, or in swapped order
    /// ("Sung Kim" is a real name in that order, not Kim Song swapped): such a key needs context.
    private func isShortNonStandardHan(_ hit: KeyHit) -> Bool {
        guard engine.forms[hit.entity][hit.form].words.count <= 2 else { return false }
        if hit.systems.contains(.wadeGiles) || hit.systems.contains(.pinyinCommonReading) { return true }
        let syllabic: [RomanizationSystem] = [.pinyin, .koreanRevised, .koreanMcCuneReischauer, .koreanCustomary, .koreanSurname]
        return hit.part == .swapped && hit.systems.contains(where: { syllabic.contains($0) })
    }

    private func familyAlignsWithWords(_ hit: KeyHit, _ tokens: ArraySlice<Token>) -> Bool {
        let form = engine.forms[hit.entity][hit.form]
        guard let family = form.family, !form.givenWords.isEmpty else { return true }
        let familyFirst = (family.lowerBound == 0) == (hit.part == .full)
        let spellings = Set(SpelledKey.combinations(form.familyWords, limit: 64).map(\.text))
        let keys = tokens.map(\.key)
        for count in 1..<keys.count {
            let words = familyFirst ? keys.prefix(count) : keys.suffix(count)
            if spellings.contains(words.joined()) { return true }
        }
        return false
    }

    /// A single word that is a family or given name alone. Short names need context to be trusted.
    func namePart(_ token: Token) -> [RawCandidate] {
        // A lone letter is an initial, never a name.
        guard token.key.count >= 2, let hits = index.exact[token.key] else { return [] }
        return hits.compactMap { hit in
            guard hit.part == .family || hit.part == .given else { return nil }
            var score: Float = hit.part == .family ? 0.88 : 0.72
            if token.key.count < 5 { score -= 0.2 }
            score -= (1 - hit.score) // a less standard spelling is less sure
            let detail = (hit.part == .family ? "family name alone" : "given name alone")
                + (token.key.count < 5 ? " (short: needs context)" : "")
            return RawCandidate(hit: hit, key: token.key, method: .surname, score: score, detail: detail)
        }
    }

    /// Misspelled whole names or family names: keys within one edit (two for long keys) that begin with the
    /// same letter; a one-edit match on a short key must also sound the same.
    func fuzzy(_ key: String, tokenCount: Int, tokens: [String] = []) -> [RawCandidate] {
        guard key.utf8.count >= KeyIndex.minimumFuzzyLength, key.allSatisfy(\.isASCII) else { return [] }
        let maxDistance = key.utf8.count >= 10 ? 2 : 1
        var out = [RawCandidate]()
        for (neighbour, distance) in index.fuzzyNeighbours(of: key, maxDistance: maxDistance) {
            guard neighbour.first == key.first else { continue }
            // A misspelled word must be long enough to be recognizable: "Zhou Lun" is another name, not Zhou Lin.
            if tokens.contains(where: { $0.count < 4 && !neighbour.contains($0) }) { continue }
            // A key cut short is a truncation, not a name that sounds alike; a doubled last letter written once
            // ("Marlet" for Marlett) is a misspelling.
            let doubledLast = neighbour.utf8.count == key.utf8.count + 1 && neighbour.last == key.last
            let soundsAlike = PhoneticSkeleton.of(neighbour) == PhoneticSkeleton.of(key) && (!neighbour.hasPrefix(key) || doubledLast)
            if key.utf8.count < 8 && !soundsAlike { continue }
            // The edit may not be a name's other ending beside the rest written exactly: Carla Quaylock is not Carl
            // Quaylock, nor Maria Mario.
            // Not for a name that went through Cyrillic, where the ending is the grammatical case (Кіри: "Kiry").
            if tokens.count >= 2, let first = tokens.first, let last = tokens.last,
               index.exact[neighbour]?.contains(where: { !hasCyrillicAlias($0.entity) }) ?? false {
                if neighbour.hasSuffix(last), Self.otherEnding(String(key.dropLast(last.count)), String(neighbour.dropLast(last.count))) { continue }
                if neighbour.hasPrefix(first), Self.otherEnding(String(key.dropFirst(first.count)), String(neighbour.dropFirst(first.count))) { continue }
            }
            for hit in index.exact[neighbour] ?? [] where hit.part != .given {
                // A single word fuzzes to a family name or a one-word name; several words to a full name.
                if tokenCount == 1 && hit.part == .swapped { continue }
                // A single misspelled word is trusted only as a person's name: one-word names of bodies and places
                // are too close to ordinary words ("Asian" ~ ASEAN, "Bricks" ~ BRICS, "Nisan" ~ Nissan).
                if tokenCount == 1 && engine.entities[hit.entity].type != .person { continue }
                // A place's adjective is no misspelling of it: "Inner Mongolian steppe".
                if engine.entities[hit.entity].type == .place, key.hasPrefix(neighbour),
                   ["n", "an", "ian", "ese", "i"].contains(String(key.dropFirst(neighbour.count))) { continue }
                if tokenCount > 1 && hit.part == .family { continue }
                let length = Float(max(key.utf8.count, neighbour.utf8.count))
                var score: Float = soundsAlike && distance == 1 ? 0.86 : 0.92 - 1.5 * Float(distance) / length
                score -= 1 - hit.score
                if hit.part == .family { score -= 0.02 }
                let detail = "\(distance) edit\(distance == 1 ? "" : "s"): \(key) ~ \(neighbour)" + (soundsAlike ? ", same sound skeleton" : "")
                out.append(RawCandidate(hit: hit, key: neighbour, method: .fuzzy, score: score, edits: distance, detail: detail,
                                        soundsAlike: soundsAlike))
            }
        }
        return out
    }

    /// Two or more words where one side is exactly a family or given name of an entity and the other side is
    /// that entity's other name part cut short ("Koichi Hagi"), misspelled ("Kato Katsunori") or read another
    /// way ("Hiroichi Matsuno").
    func structured(_ tokens: ArraySlice<Token>) -> [RawCandidate] {
        guard tokens.count >= 2 else { return [] }
        var out = [RawCandidate]()
        let keys = tokens.map(\.key)
        for split in 1..<keys.count {
            let left = keys[..<split].joined(), right = keys[split...].joined()
            for (known, other) in [(left, right), (right, left)] {
                for hit in index.exact[known] ?? [] where hit.part == .family || hit.part == .given {
                    let form = engine.forms[hit.entity][hit.form]
                    // Only fixed spellings (names as written, Hepburn, Cyrillic romanization) may be cut short or
                    // misspelled: syllabic keys (pinyin, Korean) are one edit from other real names.
                    let words = hit.part == .family ? form.givenWords : form.familyWords
                    // Korean given names are compared syllable by syllable with the spellings learned from names.
                    if hit.part == .family, !words.isEmpty, words.allSatisfy({ $0.contains { $0.system.isKorean } }) {
                        if let match = koreanCompare(other, with: words) {
                            out.append(RawCandidate(hit: hit, key: known + "+" + match.spelled, method: .fuzzy,
                                                    score: 0.88 - 0.04 * Float(match.edits) - (1 - hit.score), edits: match.edits,
                                                    detail: "\(known) = family name; given name spelled syllable by syllable: " + match.detail,
                                                    // Korean vowels tell names apart (Seong-hun, Seong-eun): a
                                                    // syllable one edit off does not sound alike for that.
                                                    soundsAlike: match.edits == 0))
                        }
                        continue
                    }
                    let complement = words.map { $0.filter { $0.system.allowsFuzzy } }
                    guard !complement.isEmpty, complement.allSatisfy({ !$0.isEmpty }),
                          let (method, score, edits, spelled, variant) = compare(
                              other, with: complement, spellingVariants: hit.part == .family && westernGivenName(hit.entity, complement),
                              inflected: hasCyrillicAlias(hit.entity))
                    else { continue }
                    // A Chinese name is cut short by whole syllables (Jin for Jinping); a syllable cut inside ("Hua"
                    // for Huang) is another syllable, another character and someone else.
                    if method == .truncation, chineseNamed(hit.entity, chineseOnly: true) {
                        let syllables = engine.background.pinyinSyllableCount
                        guard let kept = syllables(other), let cut = syllables(String(spelled.dropFirst(other.count))),
                              kept + cut == syllables(spelled) else { continue }
                    }
                    // "Ma Ying" is not Ma Ying-jeou cut short: a name cut at its own hyphen is another name.
                    if method == .truncation, let part = hit.part == .family ? engine.displays[hit.entity].given : engine.displays[hit.entity].family,
                       let hyphen = part.firstIndex(of: "-"), KeyFolding.key(String(part[..<hyphen])) == other { continue }
                    let penalty = 1 - hit.score
                    let knownPart = hit.part == .family ? "family" : "given"
                    let otherPart = hit.part == .family ? "given" : "family"
                    let relation: String
                    switch method {
                    case .fuzzy where variant: relation = "\(otherPart) name spelled another way: \(other) ~ \(spelled) (one spelling key \(NameSpelling.key(spelled)))"
                    case .truncation: relation = "truncated \(otherPart) name: \(other) ⊂ \(spelled)"
                    case .fuzzy: relation = "\(otherPart) name \(edits) edit\(edits == 1 ? "" : "s") away: \(other) ~ \(spelled)"
                    default: relation = "\(otherPart) name read another way: \(other) ~ \(spelled) (needs context)"
                    }
                    out.append(RawCandidate(hit: hit, key: known + "+" + spelled, method: method, score: score - penalty,
                                            edits: edits, detail: "\(known) = \(knownPart) name; " + relation,
                                            soundsAlike: variant || soundAlike(other, spelled, entity: hit.entity)))
                }
            }
        }
        return out
    }

    /// A written Korean given name against the entity's given-name syllables (each with its spellings, cheapest
    /// first): the written word cut into as many pieces, each piece a spelling of its syllable or, for at most one
    /// syllable, one edit from one of its six cheapest spellings with the same first letter. The cheapest such
    /// reading, with its spelling, edit count and an account of each syllable; nil if none.
    func koreanCompare(_ written: String, with syllables: [[Spelling]]) -> (spelled: String, edits: Int, detail: String)? {
        let letters = Array(written.utf8)
        let n = syllables.count
        guard (1...3).contains(n), letters.count >= n, letters.count <= 8 * n else { return nil }
        // One syllable: its cost, the spelling it was matched to and whether by an edit.
        func piece(_ text: String, _ options: [Spelling]) -> (cost: Float, spelled: String, edit: Bool)? {
            if let exact = options.first(where: { $0.text == text }) { return (exact.cost, text, false) }
            guard text.count >= 2 else { return nil }
            for option in options.prefix(6) where option.text.first == text.first && option.text.count >= 2 {
                if Distance.editDistance(text, option.text, limit: 1) <= 1 { return (option.cost + 2.5, option.text, true) }
            }
            return nil
        }
        var best: (cost: Float, spelled: [String], pieces: [String], edits: Int)?
        func search(_ start: Int, _ i: Int, _ cost: Float, _ spelled: [String], _ pieces: [String], _ edits: Int) {
            if i == n {
                if start == letters.count, best == nil || cost < best!.cost { best = (cost, spelled, pieces, edits) }
                return
            }
            let remaining = n - i - 1
            guard letters.count - start > remaining else { return }
            for end in (start + 1)...(letters.count - remaining) {
                let text = String(decoding: letters[start..<end], as: UTF8.self)
                guard let p = piece(text, syllables[i]), edits + (p.edit ? 1 : 0) <= 1 else { continue }
                search(end, i + 1, cost + p.cost, spelled + [p.spelled], pieces + [text], edits + (p.edit ? 1 : 0))
            }
        }
        search(0, 0, 0, [], [], 0)
        guard let found = best else { return nil }
        let account = zip(found.pieces, found.spelled).map { $0 == $1 ? $0 : "\($0) ~ \($1) (1 edit)" }.joined(separator: " + ")
        return (found.spelled.joined(), found.edits, account)
    }

    /// Whether an entity's given name is a Western or Cyrillic-born one, whose other spellings (`NameSpelling`) write
    /// the same name: not a Chinese, Japanese or Korean one (an alias in their scripts, or syllables of pinyin or
    /// Korean), whose every letter tells one name from another ("Wang Yi", "Wang Ji").
    private func westernGivenName(_ entity: Int, _ words: [[Spelling]]) -> Bool {
        if engine.entities[entity].aliases.contains(where: { Script.isSyllabic($0.text) }) { return false }
        return !words.contains { spellings in
            spellings.first.map { engine.background.pinyinSyllableCount($0.text) != nil } ?? true
        }
    }

    /// Whether an entity has a Cyrillic alias: its name is declined in Russian and Ukrainian text, and MT from there
    /// may keep a case ending.
    private func hasCyrillicAlias(_ entity: Int) -> Bool {
        engine.entities[entity].aliases.contains { dominantScript($0.text) == .cyrillic }
    }

    /// How a written name part relates to an entity's name part (any of its spellings): a truncation, a misspelling,
    /// another reading or, with `spellingVariants`, the same name spelled another way ("Karl" for Carl: one
    /// `NameSpelling` key, four letters or more), where another vowel ending is another name (Carla); with
    /// `inflected` (a name declined in its source language) it stays possible. The last element says the
    /// match is a spelling variant.
    private func compare(_ written: String, with words: [[Spelling]], spellingVariants: Bool = false,
                         inflected: Bool = false) -> (MatchMethod, Float, Int, String, Bool)? {
        var best: (MatchMethod, Float, Int, String, Bool)?
        let writtenSpelling = spellingVariants && written.count >= 4 ? NameSpelling.key(written) : nil
        for spelled in SpelledKey.combinations(words, limit: 32).map(\.text) where spelled != written {
            var candidate: (MatchMethod, Float, Int, String, Bool)?
            if let writtenSpelling, NameSpelling.key(spelled) == writtenSpelling {
                candidate = (.fuzzy, 0.87, Distance.editDistance(written, spelled), spelled, true)
            } else
 if spelled.hasPrefix(written), written.count >= 3, written.count * 2 >= spelled.count {
                candidate = (.truncation, 0.86, spelled.count - written.count, spelled, false)
            } else if writtenSpelling != nil && !inflected && Self.otherEnding(written, spelled) {
                // A Western given name with another ending is another name or the other sex's: Carla, Maria, Ivana.
                continue
            } else if written.first == spelled.first {
                let limit = spelled.count >= 8 ? 2 : (spelled.count >= 5 ? 1 : 0)
                let distance = Distance.editDistance(written, spelled, limit: limit)
                if distance <= limit {
                    candidate = (.fuzzy, 0.88 - 0.04 * Float(distance), distance, spelled, false)
                } else if commonPrefix(written, spelled) >= 3, Distance.jaroWinkler(written, spelled) >= 0.78 {
                    // A different reading of the same characters: needs context to pass the threshold.
                    candidate = (.reading, 0.68, Distance.editDistance(written, spelled), spelled, false)
                }
            }
            if let c = candidate, c.1 > (best?.1 ?? 0) { best = c }
        }
        return best
    }

    /// Two spellings of a name part of `entity` sound alike (`soundAlike`), unless its name is Chinese (the pinyin
    /// of a Han alias) and both are pinyin: then another vowel is another syllable, another character and someone
    /// else (Yiqin, Yiqun), and only a nasal final written n or ng ("Jingping") is the same name misspelled.
    /// (Japanese romaji is mostly pinyin letter for letter, and a foreign name's Chinese transliteration, 拜登, is
    /// not its name: those keep the coarser test.)
    private func soundAlike(_ written: String, _ spelled: String, entity: Int) -> Bool {
        let bothPinyin = chineseNamed(entity) && engine.background.pinyinSyllableCount(written) != nil
            && engine.background.pinyinSyllableCount(spelled) != nil
        if bothPinyin { return written.replacingOccurrences(of: "ng", with: "n") == spelled.replacingOccurrences(of: "ng", with: "n") }
        return Self.soundAlike(written, spelled)
    }

    /// Whether an entity's canonical name is the pinyin of one of its Han aliases, in either order (Wang Yiqun,
    /// 王逸群), as opposed to a foreign name with a Chinese transliteration (Joe Biden, 拜登).
    /// With `chineseOnly`, the alias must be Chinese (a `zh` language, or none and no kana reading), not a
    /// Japanese name whose Hepburn reading is the canonical name.
    private func chineseNamed(_ entity: Int, chineseOnly: Bool = false) -> Bool {
        let canonical = KeyFolding.key(engine.entities[entity].name)
        return engine.forms[entity].contains { form in
            guard let a = form.aliasIndex, dominantScript(engine.entities[entity].aliases[a].text) == .han else { return false }
            let alias = engine.entities[entity].aliases[a]
            if chineseOnly, !(alias.lang.map { $0.hasPrefix("zh") } ?? (alias.reading == nil)) { return false }
            return NameForm.primary(form.words) == canonical || form.swappedWords.map(NameForm.primary) == canonical
        }
    }

    /// Whether two name parts are one stem with different vowel endings ("carl", "carla"; "mario", "maria").
    static func otherEnding(_ a: String, _ b: String) -> Bool {
        let vowels = Set("aeiou")
        let stemA = a.reversed().drop { vowels.contains($0) }, stemB = b.reversed().drop { vowels.contains($0) }
        return a != b && stemA.count >= 2 && String(stemA) == String(stemB)
    }

    /// Two spellings of a name part sound alike: the same phonetic skeleton, or the same but for a nasal final
    /// written n or ng ("jingping", "jinping"), which MT and romanization confuse all the time.
    static func soundAlike(_ a: String, _ b: String) -> Bool {
        if PhoneticSkeleton.of(a) == PhoneticSkeleton.of(b) { return true }
        return a.replacingOccurrences(of: "ng", with: "n") == b.replacingOccurrences(of: "ng", with: "n")
    }

    private func commonPrefix(_ a: String, _ b: String) -> Int {
        zip(a.utf8, b.utf8).prefix { $0 == $1 }.count
    }
}
