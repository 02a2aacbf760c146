import ArgumentParser
import Onoma

/// The options that change what is rewritten, shared by the commands that rewrite (`normalize`, `serve`).
struct DecisionOptions: ParsableArguments {
    @Flag(help: "Rewrite accepted English names (aliases not marked deprecated) to the canonical name too: house style.")
    var canonical = false

    @Option(name: .customLong("min-confidence"),
            help: ArgumentHelp("Rewrite only mentions at least this probable (0-1; default: the model's threshold).", valueName: "p"))
    var minConfidence: Float?

    func validate() throws {
        if let p = minConfidence, !(0...1).contains(p) { throw ValidationError("--min-confidence takes a number from 0 to 1") }
    }

    /// The decision policy these options describe.
    var policy: DecisionPolicy {
        var policy = DecisionPolicy()
        policy.minConfidence = minConfidence
        policy.rewriteAccepted = canonical
        return policy
    }
}
