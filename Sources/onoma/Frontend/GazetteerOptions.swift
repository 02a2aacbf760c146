import ArgumentParser
import Onoma

/// The gazetteer options every command shares.
struct GazetteerOptions: ParsableArguments {
    @Option(name: .customLong("gazetteer"), help: ArgumentHelp("A gazetteer JSONL file, added to the default (repeatable).", valueName: "path"))
    var gazetteers: [String] = []

    @Flag(name: .customLong("no-default-gazetteer"), help: "Do not load the built-in default gazetteer.")
    var noDefaultGazetteer = false

    /// Loads the engine these options describe.
    func loadEngine() throws -> Engine {
        do {
            return try Engine.load(includeDefault: !noDefaultGazetteer, paths: gazetteers)
        } catch let error as GazetteerError {
            throw CommandFailure("gazetteer \(error)")
        }
    }
}

/// A failure the user can act on: printed as `onoma: <message>` with exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
