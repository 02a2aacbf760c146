import ArgumentParser
import Foundation
import Onoma

extension OnomaCommand {
    /// `onoma gazetteer apply REVIEW.jsonl`: carry out the actions a curator chose in an audit review.
    struct GazetteerApply: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract: "Carry out the actions of an audit review (JSONL from `onoma audit --format jsonl`).",
            discussion: """
                Each row's "action": "alias-of <id>" adds the row's surface forms as aliases of that entity; \
                "new" creates an entity from the row (its "name", "type" and surface forms; the id is made from the \
                name); "ignore" adds the surface forms to the stoplist, which normalize and audit honour; an empty \
                action skips the row. Rows that cannot be applied are refused with their line numbers and then \
                nothing is written, unless --skip-invalid.
                Entities are written to --gazetteer FILE, else the user gazetteer; ignored phrases to --stoplist \
                FILE, else the user stoplist beside it.
                """)

        @Argument(help: "The review file.")
        var review: String

        @Flag(name: .customLong("skip-invalid"), help: "Apply the valid rows even if some are refused.")
        var skipInvalid = false

        @OptionGroup var gazetteer: GazetteerOptions
        @OptionGroup var lock: LockOptions

        func run() throws {
            let text = try Files.readText(review)
            let known = try gazetteer.loadEntities()
            var byID = [String: Entity]()
            for entity in known { byID[entity.id] = byID[entity.id].map { $0.extended(by: entity) } ?? entity }
            let target = try gazetteer.writableGazetteer()
            let stoplist = gazetteer.stoplists.first ?? GazetteerOptions.userStoplist
            let targetIDs = Set(((try? GazetteerDocument(text: (try? Files.readText(target)) ?? "", path: target))?.entities ?? []).map(\.id))

            var patches = [EntityPatch]()
            var ignored = [String]()
            var refused = [String]()
            var newIDs = Set<String>()
            var aliasCount = 0, extendedIDs = Set<String>()
            for (index, line) in TextLines.split(text).enumerated() {
                let number = index + 1
                if TextLines.isBlank(line) { continue }
                guard let row = try? JSONParser.parse(String(line)), case .object = row else {
                    refused.append("\(review):\(number): not a JSON object"); continue
                }
                let action = (row["action"]?.stringValue ?? "").trimmingCharacters(in: .whitespaces)
                var surfaces = [String]()
                if case .array(let items)? = row["surfaces"] {
                    surfaces = items.compactMap { $0["surface"]?.stringValue ?? $0.stringValue }
                }
                if action.isEmpty { continue }
                if surfaces.isEmpty { refused.append("\(review):\(number): the row has no surfaces"); continue }
                if action == "ignore" {
                    ignored += surfaces
                } else if action == "new" {
                    let name = row["name"]?.stringValue?.trimmingCharacters(in: .whitespaces) ?? surfaces[0]
                    guard !name.isEmpty else { refused.append("\(review):\(number): \"new\" needs a name"); continue }
                    let typeText = row["type"]?.stringValue ?? "other"
                    guard let type = EntityType(rawValue: typeText) else {
                        refused.append("\(review):\(number): unknown type \"\(typeText)\""); continue
                    }
                    let nameKey = KeyFolding.key(name)
                    if let existing = known.first(where: { KeyFolding.key($0.name) == nameKey }) {
                        // Applying the same review twice must not create the entity twice.
                        FileHandle.standardError.write(Data("\(review):\(number): \"\(name)\" already exists as \(existing.id); not created again\n".utf8))
                        continue
                    }
                    var id = slug(name)
                    var n = 2
                    while byID[id] != nil || newIDs.contains(id) { id = slug(name) + "-\(n)"; n += 1 }
                    newIDs.insert(id)
                    patches.append(EntityPatch(id: id, name: name, type: type,
                                               aliases: surfaces.filter { $0 != name }.map { Alias(text: $0) },
                                               extra: [("source", .string("audit review"))]))
                } else if action.hasPrefix("alias-of ") {
                    let id = String(action.dropFirst("alias-of ".count)).trimmingCharacters(in: .whitespaces)
                    guard let entity = byID[id] else { refused.append("\(review):\(number): no entity with id \"\(id)\""); continue }
                    var patch = EntityPatch(id: id, aliases: surfaces.filter { $0 != entity.name }.map { Alias(text: $0) })
                    if !targetIDs.contains(id) && !patches.contains(where: { $0.id == id && $0.name != nil }) {
                        // The entity lives in another gazetteer: this file gets an entry that extends it.
                        patch.name = entity.name
                        patch.type = entity.type
                    }
                    aliasCount += patch.aliases.count
                    extendedIDs.insert(id)
                    patches.append(patch)
                } else {
                    refused.append("\(review):\(number): unknown action \"\(action)\" (alias-of <id>, new or ignore)")
                }
            }
            for message in refused { FileHandle.standardError.write(Data("refused: \(message)\n".utf8)) }
            if !refused.isEmpty && !skipInvalid {
                throw CommandFailure("\(refused.count) row\(refused.count == 1 ? "" : "s") refused; nothing written (use --skip-invalid to apply the rest)")
            }
            if !patches.isEmpty { _ = try GazetteerWriting.apply(patches, to: target, lock: lock) }
            if !ignored.isEmpty { try appendToStoplist(ignored, path: stoplist) }
            print("added \(aliasCount) alias\(aliasCount == 1 ? "" : "es") to \(extendedIDs.count) entit\(extendedIDs.count == 1 ? "y" : "ies"), "
                  + "created \(newIDs.count) entit\(newIDs.count == 1 ? "y" : "ies")" + (patches.isEmpty ? "" : " in \(target)")
                  + ", ignored \(ignored.count) phrase\(ignored.count == 1 ? "" : "s")" + (ignored.isEmpty ? "" : " in \(stoplist)")
                  + (refused.isEmpty ? "" : "; refused \(refused.count) row\(refused.count == 1 ? "" : "s")"))
            if !refused.isEmpty && !skipInvalid { throw ExitCode(1) }
        }

        private func appendToStoplist(_ phrases: [String], path: String) throws {
            do {
                try lock.update(path) { text in
                    let existing = Stoplists.parseIgnored(text)
                    var out = text.isEmpty ? "# Phrases that are not names (one per line), written by `onoma gazetteer apply`.\n" : text
                    if !out.hasSuffix("\n") { out += "\n" }
                    var added = Set<String>()
                    for phrase in phrases where !existing.contains(KeyFolding.key(phrase)) && added.insert(KeyFolding.key(phrase)).inserted {
                        out += phrase + "\n"
                    }
                    return (out, ())
                }
            } catch {
                throw CommandFailure("\(error)")
            }
        }

        private func slug(_ name: String) -> String {
            let tokens = KeyFolding.tokens(name)
            return tokens.isEmpty ? "entity" : tokens.joined(separator: "-")
        }
    }
}
