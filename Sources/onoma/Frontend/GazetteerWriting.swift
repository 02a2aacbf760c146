import ArgumentParser
import Foundation
import Onoma

/// Applies entity patches to a gazetteer file under the durable-write protocol.
enum GazetteerWriting {
    /// Applies `patches` to the file at `path` (created if missing); returns how many entities were created and
    /// how many extended. Nothing is written if any patch fails.
    static func apply(_ patches: [EntityPatch], to path: String, lock: LockOptions) throws -> (created: Int, extended: Int) {
        do {
            return try lock.update(path) { text in
                var document = try GazetteerDocument(text: text, path: path)
                var created = 0, extended = 0
                for patch in patches {
                    if try document.apply(patch) { created += 1 } else { extended += 1 }
                }
                return (document.text, (created, extended))
            }
        } catch let error as GazetteerError {
            throw CommandFailure("\(error)")
        } catch let error as DurableFileError {
            throw CommandFailure("\(error)")
        }
    }
}

/// The lock option of the commands that write a gazetteer or a stoplist.
struct LockOptions: ParsableArguments {
    @Option(name: .customLong("lock-timeout"),
            help: ArgumentHelp("Wait at most this many seconds for another writer's lock (default: as long as it takes).",
                               valueName: "seconds"))
    var lockTimeout: Double?

    func validate() throws {
        if let lockTimeout, !(lockTimeout >= 0) { throw ValidationError("--lock-timeout takes a number of seconds, 0 or more") }
    }

    /// `DurableFile.update` with this timeout, saying on standard error when it has to wait.
    func update<Result>(_ path: String, _ transform: (String) throws -> (String?, Result)) throws -> Result {
        try DurableFile.update(path, lockTimeout: lockTimeout, waiting: {
            FileHandle.standardError.write(Data("onoma: waiting for another writer's lock on \(path)…\n".utf8))
        }, transform)
    }
}
