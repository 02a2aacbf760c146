/// Decides each spotted span (stage "decide" of the pipeline): gathers the matcher's candidates, adds what the
/// document says (a title beside the mention that matches an entity's roles; an earlier full-name mention of
/// the entity), and resolves a mention only when one entity clearly wins.
struct Decider {
    let engine: Engine
    var policy: DecisionPolicy { engine.policy }

    /// Words that make a title a lesser office than the same title without them.
    static let lesserOffices: Set<String> = ["vice", "deputy", "assistant"]
    /// Words ignored when comparing titles with roles.
    static let roleStopWords: Set<String> = ["of", "the", "and", "for", "in", "on", "to", "a", "an"]
    /// Abbreviations in titles, expanded before comparing them with roles.
    static let titleAbbreviations: [String: [String]] = ["us": ["united", "states"], "uk": ["united", "kingdom"],
                                                         "un": ["united", "nations"], "eu": ["european", "union"]]

    func mentions(in scalars: [Unicode.Scalar], mode: RewriteMode) -> [Mention] {
        var named = Set<Int>()
        return mentions(in: scalars, mode: mode, named: &named)
    }

    /// The mentions of a text; `namedInFull` holds the entities resolved earlier in the document and receives
    /// this text's.
    func mentions(in scalars: [Unicode.Scalar], mode: RewriteMode, named namedInFull: inout Set<Int>) -> [Mention] {
        let tokens = Tokenizer.tokens(scalars)
        let spotter = Spotter(stoplists: engine.stoplists)
        let matcher = Matcher(engine: engine)
        var mentions = [Mention]()
        var usedTokens = Set<Int>()

        // Words written capitalized inside a sentence somewhere in the text: a sentence-opening word among them is
        // a name ("Zorbaquint arrived… met Zorbaquint"); one that is not is probably an ordinary word ("Bonus.").
        var capitalizedInside = Set<String>()
        for token in tokens where token.shape == .capitalized && !spotter.opensSentence(token, scalars) {
            capitalizedInside.insert(token.key)
        }
        for run in spotter.runs(tokens, scalars) {
            for span in spans(of: run, tokens: tokens, matcher: matcher, scalars: scalars, spotter: spotter,
                              capitalizedInside: capitalizedInside) {
                let slice = tokens[span.range]
                let context = contextWords(before: span.range.lowerBound, tokens: tokens, scalars: scalars)
                var mention = decide(span.candidates, tokens: slice, all: tokens, scalars: scalars, context: context, namedInFull: namedInFull)
                if mention.status == .unresolved && mention.candidates.isEmpty && !span.reportIfUnmatched { continue }
                if let chosen = mention.chosen {
                    // Any resolved mention makes the entity the document's: later partial mentions lean to it.
                    namedInFull.insert(chosen.entityIndex)
                    mention.replacement = replacement(for: chosen, tokenCount: slice.count, surface: mention.surface, mode: mode)
                }
                mentions.append(mention)
                usedTokens.formUnion(span.range)
            }
        }
        mentions += lowerCaseMentions(tokens, used: usedTokens, scalars: scalars, matcher: matcher, mode: mode)
        return mentions.sorted { $0.start < $1.start }
    }

    /// Decides one given span of text as a name, whether or not spotting would have found it, with the context of
    /// the whole text: every way of matching is tried on the span as a whole. Used by `Engine.explain`.
    func forcedMention(in scalars: [Unicode.Scalar], covering range: Range<Int>) -> Mention? {
        let tokens = Tokenizer.tokens(scalars)
        let inside = tokens.indices.filter { tokens[$0].start >= range.lowerBound && tokens[$0].end <= range.upperBound }
        guard let first = inside.first, let last = inside.last else { return nil }
        let span = first..<(last + 1)
        let matcher = Matcher(engine: engine)
        let slice = tokens[span]
        let key = slice.map(\.key).joined()
        var candidates = matcher.exactFull(key, tokens: slice)
        // No name has more words than the index keeps (a pasted paragraph would cost the square of its length).
        if slice.count <= KeyIndex.maximumWords {
            candidates += matcher.structured(slice) + matcher.fuzzy(key, tokenCount: slice.count, tokens: slice.map(\.key))
        }
        if slice.count == 1 { candidates += matcher.namePart(slice[slice.startIndex]) }
        // Names resolved in full earlier in the text count as document context.
        var namedInFull = Set<Int>()
        for mention in mentions(in: Array(scalars[0..<tokens[first].start]), mode: .replace) {
            if let chosen = mention.chosen, mention.surface.contains(" "), chosen.part == .full || chosen.part == .swapped {
                namedInFull.insert(chosen.entityIndex)
            }
        }
        let context = contextWords(before: first, tokens: tokens, scalars: scalars)
        var mention = decide(candidates, tokens: slice, all: tokens, scalars: scalars, context: context, namedInFull: namedInFull, keepAll: true)
        if let chosen = mention.chosen {
            mention.replacement = replacement(for: chosen, tokenCount: slice.count, surface: mention.surface, mode: .replace)
        }
        return mention
    }

    /// A span of a run with its candidates.
    struct Span {
        var range: Range<Int>
        var candidates: [RawCandidate]
        var reportIfUnmatched: Bool
    }

    /// Splits a run into the spans to decide: exact full names first (longest first), then what is left,
    /// cut at titles, by structured, fuzzy and name-part matching.
    private func spans(of run: Range<Int>, tokens: [Token], matcher: Matcher, scalars: [Unicode.Scalar],
                       spotter: Spotter, capitalizedInside: Set<String>) -> [Span] {
        var spans = [Span]()
        var covered = Set<Int>()
        let maxLength = 6
        for length in stride(from: min(run.count, maxLength), through: 1, by: -1) {
            for start in run.lowerBound...(run.upperBound - length) {
                let range = start..<(start + length)
                if range.contains(where: covered.contains) { continue }
                let key = tokens[range].map(\.key).joined()
                if engine.stoplists.ignored.contains(key) {
                    // A curator marked this phrase as not a name: nothing inside it is matched or reported.
                    covered.formUnion(range)
                    spans.append(Span(range: range, candidates: [], reportIfUnmatched: false))
                    continue
                }
                if length == 1 && (key.count < 2 || engine.stoplists.titles.contains(key) || engine.stoplists.functionWords.contains(key)) { continue }
                let candidates = matcher.exactFull(key, tokens: tokens[range])
                if !candidates.isEmpty {
                    // A short alias inside a misspelled full name of the same entity ("Amara Tesfaye" in
                    // "Amara Tesfaye Gebremedin"): the whole name is the mention.
                    if let longer = longerFullName(range, within: run, tokens: tokens, matcher: matcher, covered: covered,
                                                   entities: Set(candidates.map(\.hit.entity))) {
                        spans.append(longer)
                        covered.formUnion(longer.range)
                        continue
                    }
                    spans.append(Span(range: range, candidates: candidates, reportIfUnmatched: true))
                    covered.formUnion(range)
                }
            }
        }
        // The rest, in segments between covered tokens and titles.
        var segments = [Range<Int>]()
        var segmentStart: Int?
        for i in run.lowerBound...run.upperBound {
            let breaks = i == run.upperBound || covered.contains(i) || engine.stoplists.titles.contains(tokens[i].key)
                || engine.stoplists.functionWords.contains(tokens[i].key)
            if breaks {
                if let s = segmentStart { segments.append(s..<i); segmentStart = nil }
            } else if segmentStart == nil {
                segmentStart = i
            }
        }
        // A run with a generic word ("… Free Trade Agreement", "East Asia Summit") is a phrase, not a name: parts
        // of it may still match entities, but its unmatched parts are not reported.
        let genericRun = tokens[run].contains { engine.stoplists.genericWords.contains($0.key) }
        for segment in segments {
            spans += matchSegment(segment, tokens: tokens, matcher: matcher, scalars: scalars, spotter: spotter,
                                  genericRun: genericRun, capitalizedInside: capitalizedInside)
        }
        return demoteNamesInsideLongerNames(spans, run: run, tokens: tokens)
    }

    /// The span one word longer than `range` whose key misspells the full name of one of `entities`, or, for one
    /// word, spells any person's name with one part exact and the other misspelled or misread; nil if none.
    private func longerFullName(_ range: Range<Int>, within run: Range<Int>, tokens: [Token], matcher: Matcher,
                                covered: Set<Int>, entities: Set<Int>) -> Span? {
        for longer in [range.lowerBound..<(range.upperBound + 1), (range.lowerBound - 1)..<range.upperBound]
        where run.contains(longer.lowerBound) && longer.upperBound <= run.upperBound && !longer.contains(where: covered.contains) {
            // The added word must be a word of a name, not an initial ("Antony Blinken A.").
            let added = longer.lowerBound < range.lowerBound ? longer.lowerBound : longer.upperBound - 1
            guard tokens[added].key.count >= 3 else { continue }
            let slice = tokens[longer]
            var found = matcher.fuzzy(slice.map(\.key).joined(), tokenCount: slice.count, tokens: slice.map(\.key))
                .filter { entities.contains($0.hit.entity) && $0.hit.part == .full }
            // One exact word that is another entity's whole name ("Andrei") beside a word that, with it, spells a
            // person's name with one part misspelled: the longer name is the mention.
            if found.isEmpty && range.count == 1 {
                found = matcher.structured(slice)
            }
            if !found.isEmpty { return Span(range: longer, candidates: found, reportIfUnmatched: true) }
        }
        return nil
    }

    /// A person's or place's name that stands beside capitalized words nothing explains is probably part of
    /// another name ("Trump Tower", "Kishida Industries", "the Pujing Hotel", "Jordan River"): such candidates are
    /// marked `insideLongerName`, unless the whole name was matched exactly in several words.
    /// Organizations keep their score: "Sanling Heavy Industries" is Mitsubishi's own name.
    private func demoteNamesInsideLongerNames(_ spans: [Span], run: Range<Int>, tokens: [Token]) -> [Span] {
        let explained = Set(spans.filter { !$0.candidates.isEmpty }.flatMap { $0.range })
        func isExplained(_ i: Int) -> Bool {
            let key = tokens[i].key
            return explained.contains(i) || engine.stoplists.titles.contains(key)
                || engine.stoplists.functionWords.contains(key) || Spotter.particles.contains(key)
                || engine.stoplists.calendarWords.contains(key)
        }
        func isWord(_ i: Int) -> Bool { (engine.background.english(tokens[i].key) ?? 0) >= 3 }
        return spans.map { span in
            let neighbours = [span.range.lowerBound - 1, span.range.upperBound].filter { run.contains($0) }
            // An ALL-CAPS headline capitalizes its ordinary words too ("TALKS IN KIEV STALL"): beside a name they are
            // words, but beside an ordinary word ("FIRST SALE NOW") they make a phrase of words.
            let spanIsWord = span.range.allSatisfy(isWord)
            guard neighbours.contains(where: { !isExplained($0) && !(tokens[$0].shape == .upper && isWord($0) && !spanIsWord) })
            else { return span }
            var demoted = span
            demoted.candidates = span.candidates.map { candidate in
                let exactInWords = span.range.count >= 2 && [.alias, .transliteration, .order].contains(candidate.method)
                guard engine.entities[candidate.hit.entity].type != .organization, !exactInWords else { return candidate }
                var c = candidate
                c.insideLongerName = true
                return c
            }
            return demoted
        }
    }

    /// Matches a segment with no exact full name: the whole segment if it fits, else its parts, longest first.
    private func matchSegment(_ segment: Range<Int>, tokens: [Token], matcher: Matcher, scalars: [Unicode.Scalar],
                              spotter: Spotter, genericRun: Bool, capitalizedInside: Set<String>) -> [Span] {
        func candidates(_ range: Range<Int>) -> [RawCandidate] {
            let slice = tokens[range]
            var found = matcher.structured(slice) + matcher.fuzzy(slice.map(\.key).joined(), tokenCount: slice.count,
                                                                   tokens: slice.map(\.key))
            if slice.count == 1 { found += matcher.namePart(slice[slice.startIndex]) }
            // An exact name part outranks a misspelling: "Zelensky" is Volodymyr Zelenskyy's family name, not a
            // one-letter slip for Olena Zelenska's.
            let exact = Set(found.filter { $0.method == .surname }.map(\.hit.entity))
            if !exact.isEmpty { found.removeAll { $0.method == .fuzzy && !exact.contains($0.hit.entity) } }
            // A misspelled single word that opens a sentence may be an ordinary word ("Copper rose."): it needs a
            // title or an earlier mention to pass.
            if slice.count == 1, spotter.opensSentence(slice[slice.startIndex], scalars) {
                found = found.map { c in
                    guard c.method == .fuzzy || c.method == .reading else { return c }
                    var c = c
                    c.sentenceStart = true
                    return c
                }
            }
            return found.filter { $0.score >= policy.floor }
        }
        var spans = [Span]()
        var covered = Set<Int>()
        for length in stride(from: min(segment.count, 5), through: 1, by: -1) {
            for start in segment.lowerBound...(segment.upperBound - length) {
                let range = start..<(start + length)
                if range.contains(where: covered.contains) { continue }
                let found = candidates(range)
                // Part of a longer segment is split off only for a match that can stand on its own; otherwise the
                // segment stays whole, to be reported as one unresolved name ("Dai Ge", not "Dai" and "Ge").
                let standsAlone = range.count == segment.count || found.contains { $0.score >= policy.threshold }
                if !found.isEmpty && standsAlone {
                    spans.append(Span(range: range, candidates: found, reportIfUnmatched: true))
                    covered.formUnion(range)
                }
            }
        }
        // What is still unmatched is reported as an unresolved name unless it reads as a generic phrase or as an
        // ordinary word that opens a sentence.
        var rest = [Range<Int>]()
        var restStart: Int?
        for i in segment.lowerBound...segment.upperBound {
            if i == segment.upperBound || covered.contains(i) {
                if let s = restStart { rest.append(s..<i); restStart = nil }
            } else if restStart == nil { restStart = i }
        }
        for range in rest {
            let slice = tokens[range]
            let generic = genericRun || slice.contains { engine.stoplists.genericWords.contains($0.key) }
            let only = slice[slice.startIndex]
            let sentenceWord = slice.count == 1 && spotter.opensSentence(only, scalars) && !capitalizedInside.contains(only.key)
            let letters = slice.map { $0.text.unicodeScalars.filter { $0.properties.isAlphabetic }.count }.reduce(0, +)
            // Initials and short acronyms ("U", "US", "EU") are not names worth auditing.
            let tooShort = slice.count == 1 && (letters < 2 || (slice[slice.startIndex].shape == .upper && letters <= 3))
            let calendar = slice.allSatisfy { engine.stoplists.calendarWords.contains($0.key) }
            let report = !generic && !sentenceWord && !tooShort && !calendar
                && !engine.stoplists.ignored.contains(slice.map(\.key).joined())
            spans.append(Span(range: range, candidates: [], reportIfUnmatched: report))
        }
        return spans
    }

    /// The curator's negative link that rules `entity` out for this span, in words, if one does: its surface has the
    /// span's key, and it has no `near` words or one of them stands in the sentence (eight words either side).
    private func refuted(_ entity: Entity, spanKey: String, context: Set<String>, after end: Int, all: [Token],
                         scalars: [Unicode.Scalar]) -> String? {
        guard !entity.notNames.isEmpty else { return nil }
        for negative in entity.notNames where KeyFolding.key(negative.text) == spanKey {
            if negative.near.isEmpty { return "the gazetteer records that \"\(negative.text)\" is not \(entity.name)" }
            let near = Set(negative.near.flatMap { KeyFolding.tokens($0) })
            var words = context
            var i = end
            while i < all.count && i - end < 8 {
                let gap = scalars[all[i - 1].end..<all[i].start]
                if gap.contains(where: { $0 == "\n" || $0 == "." || $0 == "!" || $0 == "?" }) { break }
                words.insert(all[i].key)
                i += 1
            }
            if let word = near.first(where: words.contains) {
                return "the gazetteer records that \"\(negative.text)\" near \"\(word)\" is not \(entity.name)"
            }
        }
        return nil
    }

    /// Folded words before a mention in the same sentence (at most eight), for role context.
    private func contextWords(before tokenIndex: Int, tokens: [Token], scalars: [Unicode.Scalar]) -> Set<String> {
        var words = Set<String>()
        var i = tokenIndex - 1
        while i >= 0 && tokenIndex - i <= 8 {
            let gap = scalars[tokens[i].end..<tokens[i + 1].start]
            if gap.contains(where: { $0 == "\n" || $0 == "!" || $0 == "?" }) { break }
            if gap.contains("."), !(tokens[i].text.count == 1) { break } // "U.S." does not end a sentence
            let key = tokens[i].key
            if let expansion = Self.titleAbbreviations[key] { words.formUnion(expansion) } else { words.insert(key) }
            if key.count == 1, i > 0, let combined = Self.titleAbbreviations[tokens[i - 1].key + key] {
                words.formUnion(combined)
            }
            i -= 1
        }
        return words.subtracting(Self.roleStopWords)
    }

    /// Whether a name form comes from an alias that transcribes the entity's name into another script (拜登 for
    /// Biden, 서리 for Surrey, Си Цзиньпин for Xi Jinping) rather than writing its own name (习近平, 서울, Путин):
    /// its standard spelling, in either order, is more than a third of the canonical name's letters away from it.
    /// Only places, bodies and things: a person's Chinese or Japanese name is often a name of their own, not a
    /// transcription (戴琪, Katherine Tai), and exactly what MT writes.
    static func isTranscription(_ form: NameForm, of entity: Entity) -> Bool {
        guard entity.type != .person, dominantScript(entity.name) == .latin,
              let index = form.aliasIndex, dominantScript(entity.aliases[index].text) != .latin else { return false }
        let canonical = KeyFolding.key(entity.name)
        let limit = max(1, canonical.count / 3)
        let spellings = [NameForm.primary(form.words)] + (form.swappedWords.map { [NameForm.primary($0)] } ?? [])
        return !spellings.contains { Distance.editDistance($0, canonical, limit: limit) <= limit }
    }

    /// Whether a name form comes from a person's alias in Han, kana or Hangul that is one word (no space or middle
    /// dot) and sounds like the last word of the family name of a several-word name (塞西 "sai xi" for Abdel Fattah
    /// el-Sisi): a transcription of the family name alone.
    static func transcribesFamilyAlone(_ form: NameForm, of entity: Entity) -> Bool {
        guard entity.type == .person, let index = form.aliasIndex else { return false }
        let text = entity.aliases[index].text
        let names = KeyFolding.tokens(entity.name)
        guard Script.isSyllabic(text), names.count >= 2,
              !text.contains(where: { " ·・=＝".contains($0) }),
              let family = KeyFolding.tokens(entity.family ?? entity.name).last else { return false }
        return PhoneticSkeleton.of(NameForm.primary(form.words)) == PhoneticSkeleton.of(family)
    }

    /// Whether an alias of a place is in a syllabic script (Han, kana, Hangul) that the place's country does not
    /// write its names in; false when the gazetteer gives no country.
    static func isForeignScript(_ alias: Alias, of entity: Entity) -> Bool {
        guard let country = entity.country?.uppercased() else { return false }
        switch dominantScript(alias.text) {
        case .han: return !["CN", "TW", "HK", "MO", "JP", "SG"].contains(country)
        case .kana: return country != "JP"
        case .hangul: return !["KR", "KP"].contains(country)
        default: return false
        }
    }

    /// Weighs each candidate's evidence with the decision model (`DecisionModel`, Data/model/decision.tsv) and
    /// resolves the mention only when the best candidate's probability reaches the threshold and no other entity's
    /// log-odds are within the margin.
    private func decide(_ raw: [RawCandidate], tokens: ArraySlice<Token>, all: [Token], scalars: [Unicode.Scalar],
                        context: Set<String>, namedInFull: Set<Int>, keepAll: Bool = false) -> Mention {
        let model = engine.model
        // A hyphenated word that spells a whole name ("Dai-Qi") counts as its parts.
        let hyphenParts = tokens.count == 1 ? KeyFolding.tokens(tokens.first!.text) : []
        let words = hyphenParts.count >= 2 ? hyphenParts : tokens.map(\.key)
        let spanKey = words.joined()
        let (title, qualifiers) = titleBefore(tokens.startIndex, tokens: all, scalars: scalars) ?? (nil, [])
        let titled = title != nil
        let followedByPlace = placeAfter(tokens.endIndex, tokens: all, scalars: scalars)
        // Entities whose family name is a word of the span exactly: a misspelled or misread name that keeps
        // their family name whole is more likely theirs ("Anna Kowalski" is someone of Jan Kowalski's family, not
        // a misspelled Anna Kowalska).
        var exactFamilies = [String: Set<Int>]()
        if words.count >= 2 {
            for word in words {
                let owners = (engine.index.exact[word] ?? []).filter { $0.part == .family }.map(\.entity)
                if !owners.isEmpty { exactFamilies[word] = Set(owners) }
            }
        }
        var best = [Int: (candidate: Candidate, logit: Float)]()
        for c in raw {
            let entity = engine.entities[c.hit.entity]
            // A hyphenated family name alone ("Thomas-Greenfield") is one word of a name, not a whole name.
            let wordCount = hyphenParts.count >= 2 && (c.hit.part == .family || c.hit.part == .given) ? 1 : words.count
            let form = engine.forms[c.hit.entity][c.hit.form]
            // A case form inflects one word: it must be written as the name's words are, not run into the next
            // word ("Kyiv I" is not Київі).
            if c.hit.systems == SystemSet(.cyrillicCaseForm) && words.count != form.words.count { continue }
            let alias = form.aliasIndex.map { entity.aliases[$0] }
            let asWritten = c.method == .alias
            var f = Features()
            f["match"] = c.score
            let exact = c.method == .alias || c.method == .transliteration || c.method == .order
            f["exact_full"] = exact && wordCount >= 2 ? 1 : 0
            f["exact_one_word"] = exact && wordCount == 1 && !asWritten ? 1 : 0
            f["name_part"] = c.method == .surname ? 1 : 0
            f["truncation"] = c.method == .truncation ? 1 : 0
            f["fuzzy"] = c.method == .fuzzy ? 1 : 0
            f["reading"] = c.method == .reading ? 1 : 0
            f["edit_rate"] = Float(c.edits) / Float(max(1, spanKey.count))
            f["nonstandard"] = 1 - c.hit.score
            f["short_key"] = spanKey.count < 5 ? 1 : 0
            // Someone or something else: only for what is not the name exactly as derived or written in full.
            var background: BackgroundExplanation?
            var supportNote: String?
            // Only another name GeoNames gives the city: an accepted name, resolved and left as written.
            let geonamesOnly = c.hit.systems == SystemSet(.geonamesName)
            // A name spelled through another language's transcription of it (Surrey as 서리 "So I", Kigali as
            // 吉佳利 "Ji Jiali") is not the name as derived: it meets the background too.
            let transcribed = Self.isTranscription(form, of: entity)
            if !(exact && wordCount >= 2 && !transcribed) && !asWritten {
                // The entity's own words are no evidence of someone else, except a part of its name alone: "Johnson"
                // names many people besides Boris Johnson.
                let namePartAlone = wordCount == 1 && c.hit.part != .full
                background = engine.background.explain(wordCount == words.count ? words : [spanKey],
                                                        ownWords: namePartAlone ? [] : engine.ownWords[c.hit.entity],
                                                        person: entity.type == .person)
                // A one-word transliteration of a place or a body ("Pingrang", "Sanling") is not someone's given name,
                // but it may still be an English word ("Duomo" for 多摩, Tama, read as Mandarin).
                if entity.type != .person, wordCount == 1, background?.kind == .chineseName {
                    background = engine.background.explain(wordCount == words.count ? words : [spanKey],
                                                            ownWords: namePartAlone ? [] : engine.ownWords[c.hit.entity],
                                                            chineseNames: false)
                }
                // A person the gazetteer names by one word alone is that name ("Halyna" with its alias Галина): a
                // lexicon that lists the exact transliteration of its whole one-word alias as a given or family
                // name describes the entity, not someone else. A longer name's part alone still meets it.
                if entity.type == .person, exact, c.hit.part == .full, wordCount == 1, form.words.count == 1,
                   form.family == nil, KeyFolding.tokens(entity.name).count == 1,
                   let kind = background?.kind, kind == .foreignName || kind == .japaneseName {
                    background = nil
                    supportNote = "the entity is this one-word name: the lexicon's name is no one else"
                }
                // An older or foreign name of the very city the entity names, derived from its own alias (Львов as
                // "Lvov" for Lviv): a lexicon that lists it as a proper name is naming this city, when GeoNames gives
                // the city that name and no other city bears it.
                // A case form is no name of the city ("Milana", of Milan, is a given name), nor is a syllabic
                // transcription (밀라노 as "Milano" is the Italian name, but also a brand's).
                if entity.type == .place, exact, c.hit.part == .full, wordCount == 1, background != nil,
                   !c.hit.systems.contains(.cyrillicCaseForm), let alias, !Script.isSyllabic(alias.text),
                   let city = engine.background.exonymCity(spanKey, of: KeyFolding.key(entity.name), country: entity.country) {
                    background = nil
                    supportNote = "a GeoNames name of the city \(city) (place-exonyms.tsv)"
                }
                // The GeoNames name of the city, as another name of it (Tehran for a gazetteer's Teheran): the places
                // lexicon lists it for this very city. Other explanations stand (a city once named after someone).
                if geonamesOnly, background?.kind == .place,
                   engine.background.city(named: KeyFolding.key(entity.name), country: entity.country)?.name == spanKey {
                    background = nil
                    supportNote = "the city's GeoNames name (place-exonyms.tsv)"
                }
                if exact && wordCount == 1 { f["one_word_background"] = background?.strength ?? 0 } else { f["background"] = background?.strength ?? 0 }
                // Distinctive: long, and no lexicon explains it. A person's name part alone, or a one-word alias in a
                // foreign script (a family name transliterated), needs a letter more: six-letter given names
                // ("Bogdan") and foreign words are everywhere.
                let partOfAPerson = entity.type == .person && (c.method == .surname || KeyFolding.tokens(entity.name).count > 1)
                // A given name alone is never distinctive: Svetlana names thousands besides one Sviatlana.
                if wordCount == 1, background == nil, spanKey.count >= (partOfAPerson ? 7 : 6), c.hit.part != .given {
                    f["distinctive"] = 1
                }
            }
            var contextNotes = [String]()
            // A role named in the sentence, or an office title right before the name that one of its roles holds
            // ("Chancellor Scholze": Chancellor of Germany).
            // A portfolio before the title must fit the role too: a "Health Minister" is not the finance minister.
            let role = roleMatches(entity: c.hit.entity, context: context)
                || title.map { t in
                    engine.roleKeys[c.hit.entity].contains { $0.contains(t) && qualifiers.isSubset(of: $0) }
                        && context.isDisjoint(with: Self.lesserOffices)
                } ?? false
            if role {
                f["role"] = 1
                contextNotes.append("role")
            }
            let partial = !exact || wordCount == 1
            if partial && namedInFull.contains(c.hit.entity) {
                f["antecedent"] = 1
                contextNotes.append("document")
            }
            if c.method == .fuzzy || c.method == .reading,
               exactFamilies.contains(where: { family in
                   // Someone else's family name, unless it is the part this match holds exactly (the family name
                   // "Lee" of 이재정, beside a given name spelled another way).
                   !engine.ownWords[c.hit.entity].contains(family.key) && !c.key.hasPrefix(family.key + "+")
                       && family.value.contains { $0 != c.hit.entity }
               }) {
                f["rival_family"] = 1
            }
            // The document has said who it is: someone else of that name is no longer the likelier reading.
            if role || f["antecedent"] == 1 {
                f["background"] = 0
                f["one_word_background"] = 0
            }
            if c.insideLongerName { f["inside_longer_name"] = 1 }
            if c.sentenceStart { f["sentence_start"] = 1 }
            if titled && !role && !asWritten { f["title_mismatch"] = 1 }
            if followedByPlace && entity.type == .person && !(exact && wordCount >= 2) { f["type_conflict"] = 1 }
            if c.shortNonStandardHan { f["short_nonstandard_han"] = 1 }
            if c.lowerCase { f["lower_case"] = 1 }
            if c.hit.systems.contains(.icuAnyLatin) { f["vowelless"] = 1 }
            // Only a name part beside an exact one: a whole misspelled name that sounds alike is often another word.
            if c.soundsAlike, c.method == .fuzzy || c.method == .reading, c.key.contains("+") { f["sounds_alike"] = 1 }
            // One word needs an antecedent or a title: a misspelling always, an exact name part or transliteration
            // unless it is distinctive (long, and no lexicon explains it).
            let misspelled = c.method == .fuzzy || c.method == .reading || c.method == .truncation
            // A one-word name that is the entity's whole name, derived exactly ("Khmilnik" from Хмільник), is named in full.
            // A short one with a background ("Mari": Mali in katakana, and a given name) is not. The canonical
            // name must be one word too: a one-word alias of a person is a family name, not the whole name.
            // An acronym written in another script (ОДКБ) is the entity's whole name too, when the text writes it
            // as an acronym ("ODKB", not "Odkb").
            let acronymAlias = alias.map { a in
                !a.text.contains(" ") && a.text.count <= 6 && a.text.allSatisfy { $0.isUppercase || !$0.isLetter }
            } ?? false
            let writtenAsAcronym = acronymAlias && tokens.count == 1 && tokens.first!.shape == .upper
            let oneWordEntity = (KeyFolding.tokens(entity.name).count == 1 || writtenAsAcronym) && form.family == nil
            // The source must be one word too (a syllabic reading run together, "Ilan" for 이란, is not), long enough
            // and explained by no lexicon: "Chili", "Italia" and "Luanda" are someone or something else.
            let wholeOneWordName = exact && c.hit.part == .full && oneWordEntity && form.words.count == 1
                && background == nil && (spanKey.count >= 5 || writtenAsAcronym || supportNote != nil && spanKey.count >= 4)
            // A syllabic reading run together ("Pichi" for 피지) stands alone only in its standard spelling. A wrong
            // office title, or a place after the name, leaves a one-word name unsupported.
            let contradicted = (titled && !role) || (followedByPlace && entity.type == .person)
            // A place's name transcribed into a script its country does not write (安曼 and アンマン for Amman) is
            // a short run of syllables that the language has other words for ("anman", a bun): not alone under six
            // letters.
            let foreignSyllables = alias.map { Self.isForeignScript($0, of: entity) } ?? false
            let standsAlone = !contradicted && (wholeOneWordName || f["distinctive"] == 1
                || (entity.type != .person && background == nil && spanKey.count >= (foreignSyllables ? 6 : 5)
                    && (form.words.count == 1 || c.hit.score >= RomanizationSystem.pinyin.weight)))
            // A misspelling stands alone only when distinctive and one edit from a long name ("Kastelianova").
            // It must misspell a whole one-word name: "Halvorsens" is not Gregor Halvorsen.
            let distinctiveMisspelling = f["distinctive"] == 1 && c.edits <= 1 && spanKey.count >= 7
                && c.method == .fuzzy && c.hit.part == .full && oneWordEntity
            if wordCount == 1, !asWritten, !role, f["antecedent"] == 0,
               misspelled ? !distinctiveMisspelling : !standsAlone {
                f["one_word_unsupported"] = 1
            }
            let syllabic = alias.map { Script.isSyllabic($0.text) } ?? false
            // Syllables (pinyin, kana, Hangul) split into more words than the name has ("So I" for 서리, Surrey;
            // "War I" for ワリ, Warri) are words of the text, not the name. A kanji name's kana reading says where its
            // words are (日本経済新聞: Nihon Keizai Shinbun, the Nikkei).
            if syllabic, alias?.reading == nil, !asWritten, entity.type != .person,
               wordCount > KeyFolding.tokens(entity.name).count { continue }
            // A transcription that a lexicon explains as someone or something else needs the document's support
            // even in several words ("Ji Jiali": 吉佳利, Kigali, and a Chinese name).
            if transcribed, wordCount >= 2, background != nil, !role, f["antecedent"] == 0 { f["one_word_unsupported"] = 1 }
            // A person's one-word alias that transcribes the family name alone (塞西, シシ: Sisi) is a family name
            // alone however the text splits its syllables: under seven letters, as for any name part alone, it needs
            // a title, a role or the full name before ("Bu Linken", 布林肯, is long enough to be Blinken).
            if spanKey.count < 7, Self.transcribesFamilyAlone(form, of: entity), !asWritten, !role, f["antecedent"] == 0 {
                f["one_word_unsupported"] = 1
            }
            // The curator has said this surface, here, is someone or something else (`not` in the gazetteer).
            let refutation = refuted(entity, spanKey: spanKey, context: context, after: tokens.endIndex, all: all, scalars: scalars)
            let logit = refutation == nil ? model.logit(f) : -Float.infinity
            let score = refutation == nil ? model.probability(f) : 0
            if let existing = best[c.hit.entity], existing.logit >= logit { continue }
            let candidate = Candidate(entityIndex: c.hit.entity, id: entity.id, name: entity.name, score: score,
                                      method: c.method, key: c.key, source: alias?.text ?? entity.name,
                                      sourceLang: alias?.lang, systems: Array(c.hit.systems), part: c.hit.part,
                                      edits: c.edits, context: contextNotes,
                                      detail: supportNote.map { "\(c.detail); \($0)" } ?? c.detail,
                                      derivation: derivation(of: c, form: form, source: alias?.text ?? entity.name, lang: alias?.lang),
                                      features: f, background: background,
                                      accepted: geonamesOnly || asWritten && (alias.map { !$0.isDeprecated } ?? true),
                                      refutation: refutation)
            best[c.hit.entity] = (candidate, logit)
        }
        let ranked = best.values.sorted { ($0.logit, $1.candidate.id) > ($1.logit, $0.candidate.id) }
        let first = tokens.first!, last = tokens.last!
        let surface = Tokenizer.string(scalars[first.start..<last.end])
        var status = MentionStatus.unresolved
        let threshold = policy.minConfidence ?? model.threshold
        if let top = ranked.first {
            let rivals = ranked.dropFirst().filter { $0.logit >= top.logit - model.margin && $0.candidate.refutation == nil }
            // A one-word name part that several entities share is ambiguous even though, alone and common, none of
            // them would be taken ("Tanaka" with two Tanakas): the audit shows the curator both.
            var standingAlone = top.candidate.features
            for unsupported in ["one_word_unsupported", "background", "one_word_background"] { standingAlone[unsupported] = 0 }
            let plausible = top.candidate.score >= threshold / 2 || model.probability(standingAlone) >= threshold
            if !rivals.isEmpty && plausible {
                status = .ambiguous
            } else if rivals.isEmpty && top.candidate.score >= threshold {
                status = .resolved
            }
        }
        return Mention(start: first.start, end: last.end, surface: surface, status: status,
                       candidates: Array(ranked.prefix(keepAll ? 10 : 5).map(\.candidate)), replacement: nil)
    }

    /// The office title ("governor", "minister") that stands right before the token at `index`, if one does, in the same run
    /// of capitalized words or joined to it by a comma-free space; with the capitalized words right before the
    /// title that name its portfolio ("Health" in "Health Minister"; Data/stoplists/portfolios.txt), at most two.
    private func titleBefore(_ index: Int, tokens: [Token], scalars: [Unicode.Scalar]) -> (String, Set<String>)? {
        func joined(_ i: Int) -> Bool {
            scalars[tokens[i].end..<tokens[i + 1].start].allSatisfy { $0 == " " || $0 == "\u{00A0}" }
        }
        var i = index - 1
        while i >= 0 && index - i <= 3 {
            guard joined(i), tokens[i].shape != .lower else { return nil }
            if engine.stoplists.officeTitles.contains(tokens[i].key) {
                var qualifiers = Set<String>()
                var q = i - 1
                while q >= 0 && i - q <= 2 && joined(q) && tokens[q].shape == .capitalized
                        && !engine.stoplists.functionWords.contains(tokens[q].key) {
                    qualifiers.insert(tokens[q].key)
                    q -= 1
                }
                return (tokens[i].key, qualifiers.intersection(engine.stoplists.portfolios))
            }
            i -= 1
        }
        return nil
    }

    /// Whether the span ending before token `index` is followed by a comma and a place ("Suzuka, Mie"; "Paris,
    /// Texas"): then it names a place, not a person.
    private func placeAfter(_ index: Int, tokens: [Token], scalars: [Unicode.Scalar]) -> Bool {
        guard index < tokens.count, index > 0 else { return false }
        let gap = scalars[tokens[index - 1].end..<tokens[index].start]
        guard gap.first == ",", gap.dropFirst().allSatisfy({ $0 == " " }), tokens[index].shape == .capitalized else { return false }
        var words = [tokens[index].key]
        if index + 1 < tokens.count, tokens[index + 1].shape == .capitalized,
           scalars[tokens[index].end..<tokens[index + 1].start].allSatisfy({ $0 == " " }) {
            words.append(tokens[index + 1].key)
        }
        for count in stride(from: words.count, through: 1, by: -1) {
            let key = words.prefix(count).joined()
            if engine.background.places.contains(key) { return true }
            if let hits = engine.index.exact[key], hits.contains(where: { engine.entities[$0.entity].type == .place && $0.part == .full }) {
                return true
            }
        }
        return false
    }

    /// `戴琪 (zh) → Mandarin pinyin "dai qi"`: the source, the systems, and the key spelled word by word.
    private func derivation(of c: RawCandidate, form: NameForm, source: String, lang: String?) -> String {
        let words: [[Spelling]]
        switch c.hit.part {
        case .full: words = form.words
        case .swapped: words = form.swappedWords ?? form.words
        case .family: words = form.familyWords
        case .given: words = form.givenWords
        }
        let target = c.key.split(separator: "+").first.map(String.init) ?? c.key
        var spelled = target
        // Find the combination of spellings that gives the key, to show it word by word.
        for combination in SpelledKey.combinations(words, limit: 256) where combination.text == target {
            var remaining = Substring(target)
            var parts = [String]()
            for options in words {
                guard let match = options.first(where: { remaining.hasPrefix($0.text) }) else { break }
                parts.append(match.text)
                remaining = remaining.dropFirst(match.text.count)
            }
            if remaining.isEmpty { spelled = parts.joined(separator: " ") }
            break
        }
        let systems = c.hit.systems.map(\.label).joined(separator: " + ")
        return "\(source)\(lang.map { " (\($0))" } ?? "") → \(systems) \"\(spelled)\""
    }

    /// Whether a title before the mention names one of the entity's roles: two words of the role, or all of a
    /// shorter one, appear in the context ("Secretary of Commerce" for "United States Secretary of Commerce").
    /// A word matches its derived form ("Russian" for "Russia", "Japanese" for "Japan").
    private func roleMatches(entity: Int, context: Set<String>) -> Bool {
        guard !context.isEmpty else { return false }
        func matches(_ word: String) -> Bool {
            if context.contains(word) { return true }
            guard word.count >= 5 else { return false }
            return context.contains { other in
                let common = zip(word.utf8, other.utf8).prefix { $0 == $1 }.count
                return common >= 5 && common >= min(word.count, other.count) - 2
            }
        }
        // A "Vice President" or "Deputy Minister" is not the holder of the office itself.
        let lesser = context.intersection(Self.lesserOffices)
        for role in engine.roleKeys[entity] where !role.isEmpty {
            if !lesser.isSubset(of: role) { continue }
            let shared = role.filter(matches).count
            if shared >= 2 || (shared >= 1 && shared == role.count) { return true }
        }
        return false
    }

    /// The text that replaces a resolved mention: the canonical name, or for a one-word mention of a person
    /// the canonical family (or given) name, so the sentence still reads naturally.
    private func replacement(for candidate: Candidate, tokenCount: Int, surface: String, mode: RewriteMode) -> String {
        let display = engine.displays[candidate.entityIndex]
        var canonical = display.full
        let surfaceKey = KeyFolding.key(surface)
        // An acronym ("UN", "MBS") is an abbreviation, not a variant: it stays as written.
        if candidate.systems == [.acronym] { return surface }
        // A hyphenated or joined word that spells the whole name ("Dai-Qi") is a full-name mention.
        let parts = surface.split(whereSeparator: { $0 == "-" || $0 == "‐" }).count
        let words = DisplayName.words(display.full)
        if tokenCount == 1, candidate.part == .family, let family = display.family {
            // A family name alone, hyphenated or not ("Thomas-Greenfield"), is replaced by the family name.
            canonical = family
        } else if tokenCount == 1, candidate.part == .given, let given = display.given {
            // A given name alone likewise ("Eui-yong"), so a second pass finds it written as the name writes it.
            canonical = given
        } else if tokenCount == 1, let same = words.first(where: { KeyFolding.key(String(display.full.unicodeScalars[$0])) == surfaceKey }) {
            // The word is already a word of the canonical name ("Salman", "Erdogan"): write it as the name writes it.
            canonical = String(display.full.unicodeScalars[same])
        } else if tokenCount == 1 && parts < 2 {
            if candidate.part == .given, let given = display.given {
                canonical = given
            } else if candidate.part == .full, let given = display.given, let family = display.family,
                      candidate.systems.contains(where: { $0 != .canonical && $0 != .latinAlias }) {
                // A one-word transliteration stands for the part it sounds like: 巴育 (Bayu) is Prayut's given
                // name, 拉夫罗夫 (Lafuluofu) Lavrov's family name.
                let sound = PhoneticSkeleton.of(candidate.key)
                let toGiven = Distance.editDistance(sound, PhoneticSkeleton.of(KeyFolding.key(given)))
                let toFamily = Distance.editDistance(sound, PhoneticSkeleton.of(KeyFolding.key(family)))
                canonical = toGiven < toFamily ? given : family
            } else if let family = display.family {
                canonical = family
            }
        }
        // An accepted English name, and the canonical name in another case or without its diacritics or hyphens,
        // stay as written: nobody asked for house style ("Britain", "Czech Republic", "KIM JONG-UN").
        // In annotate mode a part of the name ("Halvorsen") is annotated with the full name; in replace mode it stays.
        let written = mode == .annotate ? display.full : canonical
        if !policy.rewriteAccepted && (candidate.accepted || KeyFolding.key(surface) == KeyFolding.key(written)
            || engine.rules.sameInAnotherSpelling(KeyFolding.key(surface), KeyFolding.key(written))) {
            return surface
        }
        // An ALL-CAPS mention (a headline) keeps its capitals; a short one ("ODKB") is an acronym, whose
        // expansion is written as the name is, unless the name is one word too ("KIEV" is Kyiv in a headline).
        let letters = surface.unicodeScalars.filter { $0.properties.isAlphabetic }
        let allCaps = (tokenCount >= 2 || letters.count >= 5 || KeyFolding.tokens(canonical).count == 1)
            && letters.allSatisfy { $0.properties.isUppercase }
        if allCaps { canonical = canonical.uppercased() }
        switch mode {
        case .replace: return canonical
        case .annotate: return "\(surface) [\(allCaps ? display.full.uppercased() : display.full)]"
        }
    }

    /// Names written in lower case ("raymondo" is not matched, "sergei lavrov" is): exact keys of full names
    /// only, at least six letters, never common words.
    private func lowerCaseMentions(_ tokens: [Token], used: Set<Int>, scalars: [Unicode.Scalar], matcher: Matcher,
                                   mode: RewriteMode) -> [Mention] {
        var out = [Mention]()
        var i = 0
        let spotter = Spotter(stoplists: engine.stoplists)
        while i < tokens.count {
            guard tokens[i].shape == .lower, !used.contains(i) else { i += 1; continue }
            var matched = false
            // Two or three words only: a single lower-case word that spells a name is usually the ordinary word
            // ("turkey", "guinea", "jersey").
            for length in stride(from: 3, through: 2, by: -1) where i + length <= tokens.count {
                let range = i..<(i + length)
                let slice = tokens[range]
                guard slice.allSatisfy({ $0.shape == .lower && !engine.stoplists.commonWords.contains($0.key) }),
                      zip(slice.dropLast(), slice.dropFirst()).allSatisfy({ spotter.joinedBySpace($0, $1, scalars) }) else { continue }
                let key = slice.map(\.key).joined()
                guard key.count >= 6 else { continue }
                let candidates = matcher.exactFull(key, tokens: slice).map { c -> RawCandidate in var c = c; c.lowerCase = true; return c }
                guard !candidates.isEmpty else { continue }
                var mention = decide(candidates, tokens: slice, all: tokens, scalars: scalars, context: [], namedInFull: [])
                if let chosen = mention.chosen {
                    mention.replacement = replacement(for: chosen, tokenCount: length, surface: mention.surface, mode: mode)
                }
                out.append(mention)
                i += length
                matched = true
                break
            }
            if !matched { i += 1 }
        }
        return out
    }
}
