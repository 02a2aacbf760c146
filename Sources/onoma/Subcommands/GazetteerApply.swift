import ArgumentParser
import Foundation
import Onoma

extension OnomaCommand {
    /// `onoma gazetteer apply REVIEW.jsonl`: carry out the actions a curator chose in an audit review, in one pass.
    struct GazetteerApply: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract: "Carry out the actions of an audit review (JSONL from `onoma audit --format jsonl`).",
            discussion: """
                Each row's "action": "alias-of <id>" adds the row's surface forms as aliases of that entity, which \
                may be one that a "new" row of the same file creates; "new" creates an entity from the row: its \
                "name", "type", "given", "family", "aliases" (strings, or objects with "text", "lang", "reading", \
                "kind": native-script names), "roles" and "country", and the surface forms; its id is the row's \
                "id", else made from the name; "not <id>" records that the row's surface forms are not that entity \
                (only near the row's "near" words, if it has any), which normalize honours and explain shows; \
                "ignore" adds the surface forms to the stoplist, which normalize and audit honour; an empty action \
                skips the row. Rows that cannot be applied are refused with their line numbers and then nothing is \
                written, unless --skip-invalid. Applying the same review twice changes nothing the second time.
                Entities are written to --gazetteer FILE, else the user gazetteer; ignored phrases to --stoplist \
                FILE, else the user stoplist beside it.
                """)

        @Argument(help: "The review file.")
        var review: String

        @Flag(name: .customLong("skip-invalid"), help: "Apply the valid rows even if some are refused.")
        var skipInvalid = false

        @OptionGroup var gazetteer: GazetteerOptions
        @OptionGroup var lock: LockOptions

        /// One decided row of the review.
        private struct Row {
            var number: Int
            var object: JSONValue
            var action: String
            var surfaces: [String]
        }

        func run() throws {
            let text = try Files.readText(review)
            let known = try gazetteer.loadEntities()
            var byID = [String: Entity]()
            for entity in known { byID[entity.id] = byID[entity.id].map { $0.extended(by: entity) } ?? entity }
            let target = try gazetteer.writableGazetteer()
            let stoplist = gazetteer.stoplists.first ?? GazetteerOptions.userStoplist
            let targetIDs = Set(((try? GazetteerDocument(text: (try? Files.readText(target)) ?? "", path: target))?.entities ?? []).map(\.id))

            var refused = [String]()
            func refuse(_ row: Int, _ message: String) { refused.append("\(review):\(row): \(message)") }

            // Pass 1: the decided rows, and the entities the "new" rows create, so that any row may point at them.
            var rows = [Row]()
            for (index, line) in TextLines.split(TextLines.splitByteOrderMark(text).1).enumerated() {
                let number = index + 1
                if TextLines.isBlank(line) { continue }
                guard let object = try? JSONParser.parse(String(line)), case .object = object else {
                    refuse(number, "not a JSON object"); continue
                }
                let action = (object["action"]?.stringValue ?? "").trimmingCharacters(in: .whitespaces)
                if action.isEmpty { continue }
                var surfaces = [String]()
                if case .array(let items)? = object["surfaces"] {
                    surfaces = items.compactMap { $0["surface"]?.stringValue ?? $0.stringValue }
                }
                if surfaces.isEmpty { refuse(number, "the row has no surfaces"); continue }
                rows.append(Row(number: number, object: object, action: action, surfaces: surfaces))
            }

            var creations = [EntityPatch]()
            var links = [EntityPatch]()
            var ignored = [String]()
            var createdIDs = [String: Int]()   // id → the row that creates it
            var existingNames = [String: String]()
            for entity in known { existingNames[KeyFolding.key(entity.name)] = existingNames[KeyFolding.key(entity.name)] ?? entity.id }
            var linkedIDs = [String: String]() // a new row's id as written → the entity it names (itself, or one that exists)
            for row in rows where row.action == "new" {
                let name = row.object["name"]?.stringValue?.trimmingCharacters(in: .whitespaces) ?? row.surfaces[0]
                guard !name.isEmpty else { refuse(row.number, "\"new\" needs a name"); continue }
                let wanted = row.object["id"]?.stringValue?.trimmingCharacters(in: .whitespaces) ?? ""
                if !wanted.isEmpty, let holder = byID[wanted], KeyFolding.key(holder.name) != KeyFolding.key(name) {
                    refuse(row.number, "id \"\(wanted)\" already names \(holder.name); choose another id for \"\(name)\""); continue
                }
                // A name the gazetteers hold is not created again (applying a review twice changes nothing), unless
                // the row gives an id of its own: a namesake.
                if let existing = wanted.isEmpty ? existingNames[KeyFolding.key(name)] : byID[wanted]?.id {
                    FileHandle.standardError.write(Data("\(review):\(row.number): \"\(name)\" already exists as \(existing); not created again\n".utf8))
                    if !wanted.isEmpty { linkedIDs[wanted] = existing }
                    linkedIDs[slug(name)] = linkedIDs[slug(name)] ?? existing
                    continue
                }
                var id = wanted.isEmpty ? slug(name) : wanted
                if let other = createdIDs[id] {
                    guard wanted.isEmpty else { refuse(row.number, "id \"\(id)\" is also created by line \(other)"); continue }
                    var n = 2
                    while byID[slug(name) + "-\(n)"] != nil || createdIDs[slug(name) + "-\(n)"] != nil { n += 1 }
                    id = slug(name) + "-\(n)"
                }
                do {
                    creations.append(try newEntity(row, id: id, name: name))
                    createdIDs[id] = row.number
                    existingNames[KeyFolding.key(name)] = existingNames[KeyFolding.key(name)] ?? id
                    if !wanted.isEmpty { linkedIDs[wanted] = id }
                } catch {
                    refuse(row.number, "\(error.message)")
                }
            }

            // Pass 2: links to existing entities or to those created above, negative links, and ignored phrases.
            var aliasCount = 0, negativeCount = 0
            var extendedIDs = Set<String>()
            for row in rows where row.action != "new" {
                if row.action == "ignore" { ignored += row.surfaces; continue }
                let (verb, rest) = split(row.action)
                guard verb == "alias-of" || verb == "not" else {
                    refuse(row.number, "unknown action \"\(row.action)\" (alias-of <id>, not <id>, new or ignore)"); continue
                }
                guard !rest.isEmpty else { refuse(row.number, "\"\(verb)\" needs an entity id"); continue }
                let id = linkedIDs[rest] ?? rest
                let created = creations.first { $0.id == id }
                guard let name = byID[id]?.name ?? created?.name else {
                    refuse(row.number, "no entity with id \"\(rest)\" in the gazetteers, and no \"new\" row of this file creates one"); continue
                }
                var patch = EntityPatch(id: id)
                if byID[id] != nil, !targetIDs.contains(id), !links.contains(where: { $0.id == id && $0.name != nil }) {
                    // The entity lives in another gazetteer: this file gets an entry that extends it.
                    patch.name = byID[id]!.name
                    patch.type = byID[id]!.type
                }
                if verb == "alias-of" {
                    do {
                        let extra = try aliases(of: row, id: id, name: name)
                        patch.aliases = row.surfaces.filter { $0 != name }.map { Alias(text: $0) } + extra
                    } catch {
                        refuse(row.number, "\(error.message)"); continue
                    }
                    let present = Set((byID[id]?.aliases ?? created?.aliases ?? []).map { ($0.lang ?? "") + "\u{0}" + $0.text })
                    let added = Set(patch.aliases.map { ($0.lang ?? "") + "\u{0}" + $0.text }).subtracting(present).count
                    aliasCount += added
                    if added > 0 { extendedIDs.insert(id) }
                } else {
                    let near: [String]
                    switch row.object["near"] {
                    case nil, .null?: near = []
                    case .string(let words)?:
                        near = words.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    case .array(let items)? where items.allSatisfy({ $0.stringValue != nil }):
                        near = items.compactMap(\.stringValue)
                    default:
                        refuse(row.number, "\"near\" must be a string of comma-separated words or an array of strings"); continue
                    }
                    patch.notNames = row.surfaces.map { NegativeName(text: $0, near: near) }
                    let added = patch.notNames.filter { !(byID[id]?.notNames ?? []).contains($0) }.count
                    negativeCount += added
                    if added > 0 { extendedIDs.insert(id) }
                }
                links.append(patch)
            }

            for message in refused { FileHandle.standardError.write(Data("refused: \(message)\n".utf8)) }
            if !refused.isEmpty && !skipInvalid {
                throw CommandFailure("\(refused.count) row\(refused.count == 1 ? "" : "s") refused; nothing written (use --skip-invalid to apply the rest)")
            }
            let patches = creations + links
            if !patches.isEmpty { _ = try GazetteerWriting.apply(patches, to: target, lock: lock) }
            if !ignored.isEmpty { try appendToStoplist(ignored, path: stoplist) }
            print("added \(aliasCount) alias\(aliasCount == 1 ? "" : "es") to \(extendedIDs.count) entit\(extendedIDs.count == 1 ? "y" : "ies"), "
                  + "created \(creations.count) entit\(creations.count == 1 ? "y" : "ies")"
                  + (negativeCount == 0 ? "" : ", recorded \(negativeCount) name\(negativeCount == 1 ? "" : "s") that \(negativeCount == 1 ? "is" : "are") not an entity")
                  + (patches.isEmpty ? "" : " in \(target)")
                  + ", ignored \(ignored.count) phrase\(ignored.count == 1 ? "" : "s")" + (ignored.isEmpty ? "" : " in \(stoplist)")
                  + (refused.isEmpty ? "" : "; refused \(refused.count) row\(refused.count == 1 ? "" : "s")"))
            if !refused.isEmpty && !skipInvalid { throw ExitCode(1) }
        }

        /// The entity a `new` row creates, checked as a gazetteer line would be: the row's name, type, given and
        /// family names, aliases (its surfaces and its `aliases`), roles and country.
        private func newEntity(_ row: Row, id: String, name: String) throws(GazetteerError) -> EntityPatch {
            func m(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }
            var members = [m("id", .string(id)), m("name", .string(name)), m("type", row.object["type"] ?? .string("other"))]
            for key in ["given", "family"] {
                if let value = row.object[key], value.stringValue?.trimmingCharacters(in: .whitespaces).isEmpty == false {
                    members.append(m(key, value))
                }
            }
            let surfaces: [JSONValue] = row.surfaces.filter { $0 != name }.map { .string($0) }
            switch row.object["aliases"] {
            case .array(let list)?: members.append(m("aliases", .array(surfaces + list)))
            case let other?: members.append(m("aliases", other)) // refused by the checks below
            case nil: if !surfaces.isEmpty { members.append(m("aliases", .array(surfaces))) }
            }
            if let roles = row.object["roles"] { members.append(m("roles", roles)) }
            if let country = row.object["country"], country.stringValue?.isEmpty == false { members.append(m("country", country)) }
            members.append(m("source", .string("audit review")))
            // The same checks as a gazetteer line ("type" one of four, aliases objects with "text"…), with the row's line.
            return try EntityPatch(entity: .object(members), at: location(row))
        }

        /// The extra aliases an `alias-of` row carries (native-script names the curator added), checked as a
        /// gazetteer line's would be.
        private func aliases(of row: Row, id: String, name: String) throws(GazetteerError) -> [Alias] {
            guard let extra = row.object["aliases"] else { return [] }
            let object = JSONValue.object([JSONMember(key: "id", value: .string(id)), JSONMember(key: "name", value: .string(name)),
                                           JSONMember(key: "aliases", value: extra)])
            return try GazetteerLoader.entity(from: object, at: location(row)).aliases
        }

        private func location(_ row: Row) -> SourceLocation { SourceLocation(file: review, line: row.number) }

        /// "alias-of Q42" → ("alias-of", "Q42").
        private func split(_ action: String) -> (String, String) {
            guard let space = action.firstIndex(of: " ") else { return (action, "") }
            return (String(action[..<space]), action[space...].trimmingCharacters(in: .whitespaces))
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
