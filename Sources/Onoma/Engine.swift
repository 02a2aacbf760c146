import Foundation

/// How resolved mentions are written in the output.
public enum RewriteMode: String, Sendable, CaseIterable {
    /// Replace each resolved variant by the canonical form in the mention's shape.
    case replace
    /// Keep the original and add the canonical name: "Dai Qi [Katherine Tai]".
    case annotate
}

/// Thresholds of the decision stage.
public struct DecisionPolicy: Sendable {
    /// A mention is resolved only if its best candidate scores at least this.
    public var threshold: Float = 0.75
    /// Candidates of different entities within this margin of the best make the mention ambiguous.
    public var margin: Float = 0.05
    /// Below this a candidate is not worth reporting.
    public var floor: Float = 0.5
    /// What a person candidate loses when the mention stands beside unexplained capitalized words.
    public var unexplainedNeighbourPenalty: Float = 0.3
    /// The most a key may score when it spells a name of one or two Chinese characters in a non-standard way
    /// (Wade–Giles, a common instead of a surname reading): "Tai Chi" is 戴琪 in Wade–Giles but is usually
    /// something else, so such a match needs context to pass the threshold.
    public var shortNonStandardHanCap: Float = 0.7
    /// What a misspelled single word loses when it opens a sentence, where ordinary words are capitalized too.
    public var sentenceStartFuzzyPenalty: Float = 0.15
    public init() {}
}

/// The Onoma engine: a loaded gazetteer with its derived keys, ready to normalize text.
///
/// Pipeline: load (gazetteer JSONL) → keys (`FormDeriver`, `KeyIndex`, at load) → spot (`Spotter`) →
/// match (`Matcher`) → decide (`Decider`) → rewrite (`Rewriter`). See DESIGN.md.
public final class Engine: Sendable {
    /// The entities, in load order (a later entity with the same id extends an earlier one: see `Entity.extended`).
    public let entities: [Entity]
    let forms: [[NameForm]]
    let index: KeyIndex
    let displays: [DisplayName]
    let roleKeys: [[Set<String>]]
    let stoplists: Stoplists
    public let policy: DecisionPolicy

    /// Builds an engine over `entities`, deriving every key now.
    public init(entities: [Entity], rules: RuleSets, stoplists: Stoplists = Stoplists(), policy: DecisionPolicy = DecisionPolicy()) {
        var byID = [String: Int]()
        var merged = [Entity]()
        for entity in entities {
            if let existing = byID[entity.id] { merged[existing] = merged[existing].extended(by: entity) } else {
                byID[entity.id] = merged.count
                merged.append(entity)
            }
        }
        self.entities = merged
        let deriver = FormDeriver(rules: rules)
        let forms = merged.map { deriver.forms(of: $0) }
        self.forms = forms
        index = KeyIndex(forms: forms)
        displays = zip(merged, forms).map { DisplayName(entity: $0, forms: $1) }
        roleKeys = merged.map { entity in entity.roles.map { Set(KeyFolding.tokens($0)).subtracting(Decider.roleStopWords) } }
        self.stoplists = stoplists
        self.policy = policy
    }

    /// The entities of the built-in default gazetteer (Data/gazetteer/*.jsonl, compiled in).
    public static func defaultEntities() throws(GazetteerError) -> [Entity] {
        var entities = [Entity]()
        for path in BuiltinData.files.keys.sorted() where path.hasPrefix("gazetteer/") && path.hasSuffix(".jsonl") {
            entities += try GazetteerLoader.parse(BuiltinData.files[path]!, file: "<default>/Data/" + path)
        }
        return entities
    }

    /// Loads the default gazetteer (unless `includeDefault` is false) and the gazetteer files at `paths`.
    public static func load(includeDefault: Bool = true, paths: [String] = []) throws -> Engine {
        var entities = includeDefault ? try defaultEntities() : []
        for path in paths { entities += try GazetteerLoader.load(path: path) }
        return Engine(entities: entities, rules: try RuleSets())
    }

    /// Normalizes one text: spots name-like spans, matches and decides them, and rewrites the resolved ones.
    public func normalize(_ text: String, mode: RewriteMode = .replace) -> NormalizationResult {
        let scalars = Array(text.unicodeScalars)
        let mentions = Decider(engine: self).mentions(in: scalars, mode: mode)
        return NormalizationResult(text: Rewriter.apply(mentions, to: scalars), mentions: mentions)
    }

    /// The keys the engine derived for entity `id`, with the part each spells: for inspection and tests.
    public func keys(of id: String) -> [(key: String, part: KeyPart, systems: [RomanizationSystem])] {
        guard let entity = entities.firstIndex(where: { $0.id == id }) else { return [] }
        return index.exact.flatMap { key, hits in
            hits.filter { $0.entity == entity }.map { (key, $0.part, Array($0.systems)) }
        }.sorted { ($0.key, $0.part.rawValue) < ($1.key, $1.part.rawValue) }
    }
}

/// The canonical name of an entity and its parts as written, for replacements in the mention's shape.
struct DisplayName: Sendable {
    var full: String
    var family: String?
    var given: String?

    init(entity: Entity, forms: [NameForm]) {
        full = entity.name
        guard entity.type == .person, let canonical = forms.first(where: { $0.aliasIndex == nil }),
              let family = canonical.family else { return }
        // The canonical name's words as written, aligned one to one with its folded tokens.
        let words = DisplayName.words(entity.name)
        guard words.count == canonical.words.count else { return }
        let familyWords = words[family]
        self.family = String(entity.name.unicodeScalars[familyWords.first!.lowerBound..<familyWords.last!.upperBound])
        let given = words.indices.filter { !family.contains($0) }
        if let first = given.first, let last = given.last {
            self.given = String(entity.name.unicodeScalars[words[first].lowerBound..<words[last].upperBound])
        }
    }

    /// Ranges (in unicode scalar indices of `name`) of the words `KeyFolding.tokens` would find.
    static func words(_ name: String) -> [Range<String.UnicodeScalarView.Index>] {
        var out = [Range<String.UnicodeScalarView.Index>]()
        let view = name.unicodeScalars
        var start: String.UnicodeScalarView.Index?
        var index = view.startIndex
        while index < view.endIndex {
            let s = view[index]
            let isWord = s.properties.isAlphabetic || s.properties.numericType != nil
                || s.properties.generalCategory == .nonspacingMark || KeyFolding.isApostrophe(s)
            if isWord { if start == nil { start = index } } else if let st = start { out.append(st..<index); start = nil }
            index = view.index(after: index)
        }
        if let st = start { out.append(st..<view.endIndex) }
        return out.filter { !KeyFolding.key(String(view[$0])).isEmpty }
    }
}
