import ArgumentParser
import Onoma

extension OnomaCommand {
    /// `onoma gazetteer remove ID`: delete an entity from the writable gazetteer.
    struct GazetteerRemove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove an entity from the gazetteer file being written (--gazetteer, else the user gazetteer).")

        @Argument(help: "The entity's id.")
        var id: String

        @OptionGroup var gazetteer: GazetteerOptions
        @OptionGroup var lock: LockOptions

        func run() throws {
            let path = try gazetteer.writableGazetteer()
            let removed: Bool
            do {
                removed = try lock.update(path) { text in
                    var document = try GazetteerDocument(text: text, path: path)
                    let found = document.remove(id: id)
                    return (found ? document.text : nil, found)
                }
            } catch {
                throw CommandFailure("\(error)")
            }
            guard removed else { throw CommandFailure("\(path): no entity with id \"\(id)\"") }
            print("removed \(id) from \(path)")
        }
    }
}
