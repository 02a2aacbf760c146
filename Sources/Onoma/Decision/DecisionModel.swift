import Foundation

/// The evidence for one candidate, as numbers the decision model weighs (stage "decide"). Each feature is 0 or 1
/// unless its description says otherwise; Data/model/decision.tsv gives each its weight.
public struct Features: Sendable, Equatable {
    /// The feature names, in the order of `values`: the names Data/model/decision.tsv uses.
    public static let names = [
        "match", "exact_full", "exact_one_word", "name_part", "truncation", "fuzzy", "reading", "edit_rate",
        "nonstandard", "short_key", "background", "one_word_background", "distinctive", "role", "antecedent",
        "inside_longer_name", "sentence_start", "title_mismatch", "type_conflict", "short_nonstandard_han",
        "lower_case", "vowelless", "sounds_alike", "one_word_unsupported", "rival_family",
    ]
    /// One value per name in `names`.
    public var values: [Float]

    init() { values = Array(repeating: 0, count: Self.names.count) }

    /// The value of the feature called `name` (one of `names`).
    public subscript(_ name: String) -> Float {
        get { values[Self.index[name]!] }
        set { values[Self.index[name]!] = newValue }
    }

    private static let index: [String: Int] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
}

/// A logistic model over `Features`: the probability that a candidate is the entity the text means. Its weights,
/// threshold and margin are data (Data/model/decision.tsv), fitted by Scripts/fit_decision.py.
public struct DecisionModel: Sendable {
    /// The intercept.
    public var bias: Float
    /// One weight per feature, in `Features.names` order.
    public var weights: [Float]
    /// A mention is rewritten only when its best candidate's probability reaches this (`--min-confidence`).
    public var threshold: Float
    /// Another entity whose log-odds are within this of the best makes the mention ambiguous.
    public var margin: Float

    /// The model of the built-in data.
    public static let builtin = try! DecisionModel(text: BuiltinData.files["model/decision.tsv"] ?? "")

    /// Parses the model file: `name<TAB>value` lines (`bias`, `threshold`, `margin` and one per feature), `#`
    /// comments; anything after a second tab is a note for readers.
    public init(text: String) throws {
        var values = [String: Float]()
        for line in RuleSets.lines(text) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, let value = Float(fields[1].trimmingCharacters(in: .whitespaces)) else {
                throw GazetteerError(location: SourceLocation(file: "Data/model/decision.tsv", line: 0),
                                     message: "bad model line: \(line)")
            }
            values[String(fields[0])] = value
        }
        bias = values["bias"] ?? 0
        threshold = values["threshold"] ?? 0.5
        margin = values["margin"] ?? 1
        weights = Features.names.map { values[$0] ?? 0 }
    }

    /// The log-odds of a candidate.
    public func logit(_ features: Features) -> Float {
        var sum = bias
        for (w, x) in zip(weights, features.values) { sum += w * x }
        return sum
    }

    /// The probability of a candidate, 0–1.
    public func probability(_ features: Features) -> Float { 1 / (1 + exp(-logit(features))) }
}
