/// A way of writing a native-script name in Latin letters. Each derived key records the systems it used, so a
/// match can say how it was made, and the score of a key reflects how standard its spelling is.
public enum RomanizationSystem: Int, CaseIterable, Sendable {
    /// The entity's canonical name itself.
    case canonical
    /// A Latin-script alias as written in the gazetteer.
    case latinAlias
    /// An acronym alias ("METI"): matched exactly, never fuzzed.
    case acronym
    /// Hanyu Pinyin from ICU's Han-Latin, with surname readings for the family name.
    case pinyin
    /// Pinyin with a surname read by its common reading (曾 as ceng): what careless MT writes.
    case pinyinCommonReading
    /// Wade–Giles as newspapers print it (Data/romanization/pinyin-wade-giles.txt).
    case wadeGiles
    /// Hepburn from a Japanese reading (ICU's Hiragana-Latin / Katakana-Latin).
    case hepburn
    /// Hepburn with long vowels or syllabic n written another customary way (Data/romanization/japanese-long-vowels.txt).
    case hepburnVariant
    /// Korean Revised Romanization (Data/romanization/korean-revised-romanization.txt).
    case koreanRevised
    /// McCune–Reischauer without diacritics (Data/romanization/korean-mccune-reischauer.txt).
    case koreanMcCuneReischauer
    /// Customary Korean name spellings (Data/romanization/korean-name-spellings.txt).
    case koreanCustomary
    /// A surname spelling from Data/romanization/korean-surnames.txt (Lee, Park, Choi…).
    case koreanSurname
    /// Russian newspaper romanization (Data/romanization/russian-newspaper.txt).
    case russian
    /// Ukrainian national romanization and its customary variants (Data/romanization/ukrainian-newspaper.txt).
    case ukrainian
    /// A Ukrainian name spelled as its Russian form would be (Data/romanization/ukrainian-russian-form.txt, then
    /// the Russian rules): Hryhorenko as Grigorenko, Khmilnyk as Khmilnik, as Russian-language sources write them.
    case russianFormOfUkrainian
    /// A Japanese place name with its generic word given the other way, Japanese or English
    /// (Data/romanization/japanese-place-generics.txt): Shinano-gawa River as Shinano River or Shinanogawa. Such a
    /// name is the same name written another accepted way: resolved, and left as written.
    case japaneseGeneric
    /// ICU's scholarly Cyrillic transliteration (ISO 9) without its diacritics: Ляпунов as Lapunov, Жуков as Zukov,
    /// spellings MT produces when it drops the marks. Unlike Any-Latin on abjads it keeps every vowel.
    case cyrillicScholarly
    /// Another reading of a kanji family or given name, from JMnedict (Data/lexicons/japanese-name-readings.tsv):
    /// 和也 as Masaya as well as Kazuya. A match through it is a reading, not an exact derivation.
    case japaneseNameReading
    /// ICU's generic Any-Latin transliteration, for scripts without a rule set of ours.
    case icuAnyLatin
    /// A Russian or Ukrainian place name in another grammatical case, romanized as the name is
    /// (Data/romanization/cyrillic-place-case-forms.txt): Полтави (of Poltava) as Poltavy. A weaker derivation.
    case cyrillicCaseForm
    /// A spelling of a Korean syllable seen in Korean people's English names that no rule makes
    /// (Data/romanization/korean-syllable-spellings.tsv): 덕 as Duck, 오 as Oh.
    case koreanLearned
    /// Another name GeoNames gives the city a place entity names (Data/lexicons/place-exonyms.tsv): Mozyr for
    /// Mazyr, Lemberg for Lviv. An accepted name of the city: resolved, and left as written.
    case geonamesName

    /// A short human-readable name, used in explanations.
    public var label: String {
        switch self {
        case .canonical: return "canonical name"
        case .latinAlias: return "alias"
        case .acronym: return "acronym"
        case .pinyin: return "Mandarin pinyin"
        case .pinyinCommonReading: return "Mandarin pinyin (common reading of the surname)"
        case .wadeGiles: return "Wade-Giles"
        case .hepburn: return "Hepburn"
        case .hepburnVariant: return "Hepburn (customary long vowels)"
        case .koreanRevised: return "Revised Romanization"
        case .koreanMcCuneReischauer: return "McCune-Reischauer"
        case .koreanCustomary: return "customary Korean spelling"
        case .koreanSurname: return "Korean surname spelling"
        case .russian: return "Russian romanization"
        case .ukrainian: return "Ukrainian romanization"
        case .russianFormOfUkrainian: return "Russian form of the Ukrainian name"
        case .japaneseGeneric: return "Japanese generic word of a place name, the other way"
        case .cyrillicScholarly: return "ISO 9 transliteration without diacritics"
        case .japaneseNameReading: return "a JMnedict reading of the kanji"
        case .icuAnyLatin: return "ICU Any-Latin"
        case .cyrillicCaseForm: return "a case form of the Cyrillic place name"
        case .koreanLearned: return "a spelling of the syllable seen in Korean names in English (learned)"
        case .geonamesName: return "a GeoNames name of the city"
        }
    }

    /// How much a key spelled this way is trusted, in [0, 1]: the standard spelling of a system scores highest.
    package var weight: Float {
        switch self {
        case .canonical, .latinAlias, .acronym: return 1.0
        case .pinyin, .hepburn, .koreanRevised, .koreanSurname, .russian, .ukrainian: return 0.97
        case .wadeGiles, .hepburnVariant, .koreanCustomary: return 0.95
        case .japaneseGeneric: return 1.0
        case .russianFormOfUkrainian, .japaneseNameReading: return 0.93
        case .cyrillicScholarly: return 0.9
        case .koreanMcCuneReischauer: return 0.93
        // ICU's scholarly transliteration of abjads and other scripts drops vowels and tones ("man" for عمان):
        // such a key is a hint that needs context, never enough alone.
        case .icuAnyLatin: return 0.6
        case .cyrillicCaseForm: return 0.9
        case .koreanLearned: return 0.93
        // Below any derivation from the entity's own alias, which wins the same key.
        case .geonamesName: return 0.94
        case .pinyinCommonReading: return 0.9
        }
    }

    /// Whether this system spells Korean syllables.
    package var isKorean: Bool {
        switch self {
        case .koreanRevised, .koreanMcCuneReischauer, .koreanCustomary, .koreanSurname, .koreanLearned: return true
        default: return false
        }
    }

    /// Whether this system's output is a full, fixed spelling that fuzzy matching may compare against. Systems
    /// whose short syllabic keys would fuzz into other names (pinyin, Korean) are matched exactly only.
    package var allowsFuzzy: Bool {
        switch self {
        // Cyrillic rules spell whole words, as fixed as a Latin name: MT misspells them the same way.
        case .canonical, .latinAlias, .hepburn, .russian, .ukrainian, .russianFormOfUkrainian: return true
        default: return false
        }
    }
}

/// A set of romanization systems, as a bit mask.
package struct SystemSet: Hashable, Sendable, Sequence {
    package var rawValue: UInt32
    package init(rawValue: UInt32 = 0) { self.rawValue = rawValue }
    package init(_ system: RomanizationSystem) { rawValue = 1 << UInt32(system.rawValue) }
    package func union(_ other: SystemSet) -> SystemSet { SystemSet(rawValue: rawValue | other.rawValue) }
    package func contains(_ system: RomanizationSystem) -> Bool { rawValue & (1 << UInt32(system.rawValue)) != 0 }
    package func isSubset(of other: SystemSet) -> Bool { rawValue & ~other.rawValue == 0 }
    /// Whether no system is in both sets.
    package func isDisjoint(with other: SystemSet) -> Bool { rawValue & other.rawValue == 0 }
    /// The systems whose keys fuzzy matching may use.
    package static let fuzzyEligible = SystemSet(rawValue: RomanizationSystem.allCases.filter(\.allowsFuzzy)
        .reduce(0) { $0 | (1 << UInt32($1.rawValue)) })
    package func makeIterator() -> IndexingIterator<[RomanizationSystem]> {
        RomanizationSystem.allCases.filter(contains).makeIterator()
    }
}
