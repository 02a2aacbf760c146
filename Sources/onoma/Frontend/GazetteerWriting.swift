import Onoma

/// Applies entity patches to a gazetteer file under the durable-write protocol.
enum GazetteerWriting {
    /// Applies `patches` to the file at `path` (created if missing); returns how many entities were created and
    /// how many extended. Nothing is written if any patch fails.
    static func apply(_ patches: [EntityPatch], to path: String) throws -> (created: Int, extended: Int) {
        do {
            return try DurableFile.update(path) { text in
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
