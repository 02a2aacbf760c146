import ArgumentParser
import Foundation
import Onoma

/// The gazetteer options every command shares.
struct GazetteerOptions: ParsableArguments {
    @Option(name: .customLong("gazetteer"), help: ArgumentHelp("A gazetteer JSONL file, added to the defaults (repeatable). Commands that write, write to it.", valueName: "path"))
    var gazetteers: [String] = []

    @Flag(name: .customLong("no-default-gazetteer"), help: "Do not load the default gazetteers: the built-in one and your user gazetteer.")
    var noDefaultGazetteer = false

    @Option(name: .customLong("stoplist"), help: ArgumentHelp("A stoplist of phrases that are not names, added to your user stoplist (repeatable).", valueName: "path"))
    var stoplists: [String] = []

    /// The user stoplist's path (beside the user gazetteer).
    static var userStoplist: String { GazetteerLocations.userStoplist(environment: ProcessInfo.processInfo.environment) }

    /// The user gazetteer's path (see README: $XDG_DATA_HOME/onoma/gazetteer.jsonl).
    static var userGazetteer: String { GazetteerLocations.userGazetteer(environment: ProcessInfo.processInfo.environment) }

    /// The entities these options select: built-in and user gazetteers (unless excluded), then the named files.
    func loadEntities() throws -> [Entity] {
        do {
            var entities = [Entity]()
            if !noDefaultGazetteer {
                entities = try Engine.defaultEntities()
                if FileManager.default.fileExists(atPath: Self.userGazetteer) {
                    entities += try GazetteerLoader.load(path: Self.userGazetteer)
                }
            }
            for path in gazetteers { entities += try GazetteerLoader.load(path: path) }
            return entities
        } catch {
            throw CommandFailure("gazetteer \(error)")
        }
    }

    /// Loads the engine these options describe, for a command that uses it until it exits.
    func loadEngine(policy: DecisionPolicy = DecisionPolicy()) throws -> Engine {
        let engine = try buildEngine(policy: policy)
        // The engine lives until the process exits: releasing it would only spend time freeing ICU's
        // compiled rules (a tenth of a second) just before exit.
        _ = Unmanaged.passRetained(engine)
        return engine
    }

    /// Builds the engine these options describe, as `Engine.load` does for library users; it is freed with its last
    /// reference (`serve` builds a new one on each reload).
    func buildEngine(policy: DecisionPolicy = DecisionPolicy()) throws -> Engine {
        do {
            return try Engine.load(includeDefault: !noDefaultGazetteer, paths: gazetteers, stoplistPaths: stoplists,
                                   policy: policy)
        } catch let error as GazetteerError {
            throw CommandFailure("gazetteer \(error)")
        } catch let error as StoplistError {
            throw CommandFailure("stoplist \(error)")
        } catch {
            throw CommandFailure("cannot compile the romanization rules: \(error)")
        }
    }

    /// The file a writing command writes: the one `--gazetteer` names, else the user gazetteer.
    func writableGazetteer() throws -> String {
        if gazetteers.count > 1 { throw ValidationError("name at most one --gazetteer file to write to") }
        return gazetteers.first ?? Self.userGazetteer
    }
}

/// A failure the user can act on: printed as `Error: <message>` with exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
