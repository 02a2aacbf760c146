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
    /// The probability a mention needs to be rewritten; nil: the model's own threshold (`--min-confidence`).
    public var minConfidence: Float?
    /// Rewrite accepted aliases (and case or diacritic variants of the canonical name) too (`--canonical`).
    public var rewriteAccepted = false
    /// The defaults: the decision model's own threshold and margin, no extra floor.
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
    /// The compiled romanization rules and tables.
    let rules: RuleSets
    /// The decision settings this engine was built with (thresholds a command's options may change).
    public let policy: DecisionPolicy
    /// The decision model: feature weights, threshold and margin (Data/model/decision.tsv).
    public let model: DecisionModel
    /// Names and words no gazetteer entity holds, weighed against non-exact matches.
    public let background: Background
    /// Per entity, the folded words of its canonical name and Latin aliases: a span spelled with them is the
    /// entity's own name, not evidence of someone else.
    let ownWords: [Set<String>]

    /// Builds an engine over `entities`, deriving every key now.
    public init(entities: [Entity], rules: RuleSets, stoplists: Stoplists = Stoplists(), policy: DecisionPolicy = DecisionPolicy(),
                model: DecisionModel = .builtin, background: Background = .builtin) {
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
        var forms = merged.map { deriver.forms(of: $0) }
        // A city's other names from GeoNames, as accepted names of a place entity that names it.
        for (i, entity) in merged.enumerated() where entity.type == .place {
            let key = KeyFolding.key(entity.name)
            guard !key.isEmpty, KeyFolding.tokens(entity.name).count == 1,
                  let city = background.city(named: key, country: entity.country) else { continue }
            let known = Set(forms[i].flatMap { $0.words.count == 1 ? $0.words[0].map(\.text) : [] })
            for name in city.names where !known.contains(name) {
                forms[i].append(NameForm(aliasIndex: nil, words: [[Spelling(name, .geonamesName)]], family: nil))
            }
        }
        self.forms = forms
        index = KeyIndex(forms: forms)
        displays = zip(merged, forms).map { DisplayName(entity: $0, forms: $1) }
        roleKeys = merged.map { entity in
            entity.roles.flatMap { role -> [Set<String>] in
                let words = Set(KeyFolding.tokens(role)).subtracting(Decider.roleStopWords)
                return [words] + stoplists.officeEquivalents.filter { $0.words.isSubset(of: words) }.map(\.equivalent)
            }
        }
        self.stoplists = stoplists
        self.rules = rules
        self.policy = policy
        self.model = model
        self.background = background
        ownWords = merged.map { entity in
            var words = Set(KeyFolding.tokens(entity.name))
            for alias in entity.aliases where dominantScript(alias.text) == .latin { words.formUnion(KeyFolding.tokens(alias.text)) }
            return words
        }
    }

    /// The entities of the built-in default gazetteer (Data/gazetteer/*.jsonl, compiled in).
    public static func defaultEntities() throws(GazetteerError) -> [Entity] {
        var entities = [Entity]()
        for path in BuiltinData.files.keys.sorted() where path.hasPrefix("gazetteer/") && path.hasSuffix(".jsonl") {
            entities += try GazetteerLoader.parse(BuiltinData.files[path]!, file: "<default>/Data/" + path)
        }
        return entities
    }

    /// Loads an engine as the `onoma` command does: the built-in gazetteer and the user gazetteer
    /// (`GazetteerLocations.userGazetteer`, if it exists) unless `includeDefault` is false, then the gazetteer files
    /// at `paths`; the built-in stoplists, the user stoplist's ignored phrases (always, if it exists: what a
    /// curator said is not a name holds whichever gazetteers are loaded) and those of `stoplistPaths`.
    /// `environment` locates the user files (default: the process's).
    public static func load(includeDefault: Bool = true, paths: [String] = [], stoplistPaths: [String] = [],
                            policy: DecisionPolicy = DecisionPolicy(),
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Engine {
        var entities = [Entity]()
        if includeDefault {
            entities = try defaultEntities()
            let user = GazetteerLocations.userGazetteer(environment: environment)
            if FileManager.default.fileExists(atPath: user) { entities += try GazetteerLoader.load(path: user) }
        }
        for path in paths { entities += try GazetteerLoader.load(path: path) }
        var stoplists = Stoplists()
        var lists = stoplistPaths
        let userStoplist = GazetteerLocations.userStoplist(environment: environment)
        if FileManager.default.fileExists(atPath: userStoplist) { lists.insert(userStoplist, at: 0) }
        for path in lists { stoplists.ignored.formUnion(Stoplists.parseIgnored(try Stoplists.readText(path))) }
        return Engine(entities: entities, rules: try RuleSets(), stoplists: stoplists, policy: policy)
    }

    /// Normalizes one text: spots name-like spans, matches and decides them, and rewrites the resolved ones. The
    /// result is a fixed point: normalizing it again changes nothing (see `stableMentions`).
    public func normalize(_ text: String, mode: RewriteMode = .replace) -> NormalizationResult {
        var context = DocumentContext()
        return normalize(text, mode: mode, context: &context)
    }

    /// Normalizes one part of a longer document: `context` says which entities earlier parts resolved (they count
    /// as antecedents here) and receives this part's.
    ///
    /// A long text is read in chunks of whole paragraphs (`chunkLength`), each with what the earlier ones named, so
    /// the work per chunk (and the second reading that keeps the result a fixed point) does not grow with the text.
    public func normalize(_ text: String, mode: RewriteMode, context: inout DocumentContext) -> NormalizationResult {
        let scalars = Array(text.unicodeScalars)
        return normalize(scalars, chunks: Self.chunks(scalars), offset: 0, mode: mode, context: &context)
    }

    /// Normalizes the `chunks` of `scalars` in order, each with what the earlier ones named; the mentions' offsets are
    /// shifted by `offset` (where `scalars` begins in the whole text).
    func normalize(_ scalars: [Unicode.Scalar], chunks: [Range<Int>], offset: Int, mode: RewriteMode,
                   context: inout DocumentContext) -> NormalizationResult {
        var mentions = [Mention]()
        var output = ""
        output.reserveCapacity((chunks.last?.upperBound ?? 0) + 64)
        for chunk in chunks {
            let part = Array(scalars[chunk])
            let found = stableMentions(in: part, mode: mode, named: &context.named)
            output += Rewriter.apply(found, to: part)
            mentions += found.map { mention in
                var shifted = mention
                shifted.start += chunk.lowerBound + offset
                shifted.end += chunk.lowerBound + offset
                return shifted
            }
        }
        return NormalizationResult(text: output, mentions: mentions)
    }

    /// About how many code points a chunk of a long text holds (whole paragraphs: a longer paragraph is a chunk).
    static let chunkLength = 2_000

    /// The text cut after line breaks (`paragraphStarts`) into runs of whole paragraphs: each chunk ends at the
    /// last paragraph end within `chunkLength` code points of its start, or, for a longer paragraph, at its end.
    static func chunks(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        chunks(scalars, final: true)
    }

    /// The chunks of a text of which `scalars` is the beginning (`final`: the whole), from its start: with `final`,
    /// every chunk (as `chunks(_:)`); without, only the chunks that no continuation of the text can change, which
    /// end where the undecided rest begins. Cutting a text where a non-final chunking ends and chunking the rest on
    /// its own gives the whole text's chunks, so a text read in parts is normalized as it would be whole.
    static func chunks(_ scalars: [Unicode.Scalar], final: Bool) -> [Range<Int>] {
        if final && scalars.count <= chunkLength { return [0..<scalars.count] }
        var breaks = ArraySlice(paragraphStarts(scalars).dropFirst())
        // A carriage return at the end may yet be followed by a line feed: not a paragraph end until that is known.
        if !final, breaks.last == scalars.count, scalars.last == "\r" { breaks.removeLast() }
        var out = [Range<Int>]()
        var start = 0
        var next = breaks.startIndex
        // Without the end, a chunk is decided only when more than `chunkLength` code points follow its start (so
        // every paragraph end it may take is known) and its end is known.
        while final ? scalars.count - start >= chunkLength : scalars.count - start > chunkLength {
            while next < breaks.endIndex && breaks[next] <= start { next += 1 }
            var cut: Int?
            var i = next
            while i < breaks.endIndex && breaks[i] <= start + chunkLength { cut = breaks[i]; i += 1 }
            guard let end = cut ?? (i < breaks.endIndex ? breaks[i] : nil) else { break }
            out.append(start..<end)
            start = end
        }
        if final && start < scalars.count { out.append(start..<scalars.count) }
        return out
    }

    /// The entities that a derived key names exactly: `text` folded as a mention is ("Dai Qi" and "DAI-QI" find the
    /// entity whose 戴琪 romanizes as `daiqi`), each entity once with its best hit (highest score, then the fuller
    /// part), best first. A key of a family or given name alone counts too; `part` says which it spells.
    package func entities(withKey text: String) -> [KeyHit] {
        var best = [Int: KeyHit]()
        for hit in index.exact[KeyFolding.key(text)] ?? [] {
            if let old = best[hit.entity], (old.score, -Int(old.part.rawValue)) >= (hit.score, -Int(hit.part.rawValue)) { continue }
            best[hit.entity] = hit
        }
        return best.values.sorted { ($0.score, -Int($0.part.rawValue), -$0.entity) > ($1.score, -Int($1.part.rawValue), -$1.entity) }
    }

    /// The keys the engine derived for entity `id`, with the part each spells: for inspection and tests.
    public func keys(of id: String) -> [(key: String, part: KeyPart, systems: [RomanizationSystem])] {
        guard let entity = entities.firstIndex(where: { $0.id == id }) else { return [] }
        return index.exact.flatMap { key, hits in
            hits.filter { $0.entity == entity }.map { (key, $0.part, Array($0.systems)) }
        }.sorted { ($0.key, $0.part.rawValue) < ($1.key, $1.part.rawValue) }
    }
}

/// What a document has said so far, carried from one part (a JSONL line) to the next.
public struct DocumentContext: Sendable {
    /// The value of the document field that identifies the document (JSON text), if any.
    public var key: String?
    /// Entities resolved earlier in the document, by index.
    var named = Set<Int>()
    /// A context for a new document; `key` names it (nil: unnamed).
    public init(key: String? = nil) { self.key = key }
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
