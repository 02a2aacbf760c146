/// What normalization decided about a mention.
public enum MentionStatus: String, Sendable {
    /// One entity fits clearly: the mention is rewritten.
    case resolved
    /// Two or more entities fit about equally: nothing is rewritten; the candidates are reported.
    case ambiguous
    /// A name-like span that no entity fits well enough: left for audit.
    case unresolved
}

/// How a mention was matched to an entity.
public enum MatchMethod: String, Sendable {
    /// The mention spells the canonical name or a Latin-script alias (folded).
    case alias
    /// The mention spells a key derived from a native-script alias by transliteration or romanization.
    case transliteration
    /// As above, with family and given names in the other order.
    case order
    /// The mention is the family (or given) name alone.
    case surname
    /// A name part is cut short ("Koichi Hagi" for Koichi Hagiuda).
    case truncation
    /// Within a small edit distance of a key ("Raymondo" for Raimondo).
    case fuzzy
    /// One name part matches exactly and the other is a different reading of it ("Hiroichi" for Hirokazu).
    case reading
}

/// One candidate entity for a mention, with the evidence for it.
public struct Candidate: Sendable {
    /// Index of the entity in the engine's gazetteer.
    public var entityIndex: Int
    /// The entity's id.
    public var id: String
    /// The entity's canonical name.
    public var name: String
    /// Final score in [0, 1] after context.
    public var score: Float
    /// How the mention matched: an alias as written, a transliteration, a name part, a misspelling…
    public var method: MatchMethod
    /// The gazetteer key the mention matched (folded Latin).
    public var key: String
    /// The name or alias the key came from, e.g. `戴琪`, and its language.
    public var source: String
    /// The language of `source`, if the gazetteer gives one.
    public var sourceLang: String?
    /// How the key was derived: the romanization systems it used.
    public var systems: [RomanizationSystem]
    /// The part of the name matched.
    public var part: KeyPart
    /// Edit distance between mention and key for fuzzy matches, else 0.
    public var edits: Int
    /// What context added: `role` (a nearby title matches a role), `document` (named in full earlier).
    public var context: [String]
    /// Which rule or edit made it match, in words ("order swapped…", "truncated family name: hagi ⊂ hagiuda").
    public var detail: String
    /// How the key was derived from its source, in words: `戴琪 (zh) → Mandarin pinyin "dai qi"`.
    public var derivation: String
    /// The evidence the decision model weighed (its names and weights: Data/model/decision.tsv).
    public var features: Features
    /// What the span may be instead of this entity, from the background lexicons, if anything explains it.
    public var background: BackgroundExplanation?
    /// The mention spells the canonical name or an accepted alias as written (case, diacritics and hyphens
    /// aside): it is left as it is unless accepted names are rewritten too (`--canonical`).
    public var accepted: Bool
    /// The curator's word that the mention is not this entity, when the gazetteer records it (`not`): "«Li Wei»
    /// is not this entity (near football)". Such a candidate scores 0 and is never chosen.
    public var refutation: String? = nil
}

/// A name-like span of the input and what normalization decided about it.
public struct Mention: Sendable {
    /// Unicode code point offsets into the original text, end exclusive.
    public var start: Int
    /// See `start`.
    public var end: Int
    /// The span as written.
    public var surface: String
    /// Resolved, ambiguous or unresolved.
    public var status: MentionStatus
    /// The chosen entity (resolved only) first, then the other candidates, best first.
    public var candidates: [Candidate]
    /// What a resolved mention is replaced by in the output.
    public var replacement: String?

    /// The chosen candidate of a resolved mention.
    public var chosen: Candidate? { status == .resolved ? candidates.first : nil }
}

/// The outcome of normalizing one text.
public struct NormalizationResult: Sendable {
    /// The rewritten text.
    public var text: String
    /// Every mention found, in text order.
    public var mentions: [Mention]
}
