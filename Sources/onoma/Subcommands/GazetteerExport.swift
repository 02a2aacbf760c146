import ArgumentParser
import Onoma

extension OnomaCommand {
    /// `onoma gazetteer export`: write the selected gazetteers as JSONL, CSV or TSV.
    struct GazetteerExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the selected gazetteers' entities as JSONL, CSV or TSV.",
            discussion: "JSONL keeps every field; CSV/TSV have the columns id, name, type, given, family, aliases, roles."
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, tsv }

        @Option(help: "jsonl, csv or tsv.")
        var format: Format = .jsonl

        @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "path"))
        var output: String?

        @OptionGroup var gazetteer: GazetteerOptions

        func run() throws {
            let text: String
            switch format {
            case .jsonl: text = try jsonl()
            case .csv: text = GazetteerTable.text(of: try gazetteer.loadEntities(), separator: ",")
            case .tsv: text = GazetteerTable.text(of: try gazetteer.loadEntities(), separator: "\t")
            }
            try Files.write(text, to: output)
        }

        /// The entity lines as they are in their files (last definition of an id wins, as when loading).
        private func jsonl() throws -> String {
            var sources = [(String, String)]()
            if !gazetteer.noDefaultGazetteer {
                for path in BuiltinData.files.keys.sorted() where path.hasPrefix("gazetteer/") { sources.append(("<default>/Data/" + path, BuiltinData.files[path]!)) }
                if let user = try? Files.readText(GazetteerOptions.userGazetteer) { sources.append((GazetteerOptions.userGazetteer, user)) }
            }
            for path in gazetteer.gazetteers { sources.append((path, try Files.readText(path))) }
            var order = [String]()
            var lines = [String: String]()
            for (path, text) in sources {
                let document: GazetteerDocument
                do { document = try GazetteerDocument(text: text, path: path) } catch { throw CommandFailure("\(error)") }
                for line in document.lines {
                    guard case .entity(let raw, _, let entity) = line else { continue }
                    if lines[entity.id] == nil { order.append(entity.id) }
                    lines[entity.id] = raw
                }
            }
            return order.map { lines[$0]! + "\n" }.joined()
        }
    }
}
