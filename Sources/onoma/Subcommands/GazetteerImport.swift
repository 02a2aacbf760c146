import ArgumentParser
import Foundation
import Onoma

extension OnomaCommand {
    /// `onoma gazetteer import`: bring entities in from JSONL, CSV/TSV or a Wikidata dump.
    struct GazetteerImport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import entities from JSONL, CSV/TSV, or a Wikidata JSON dump.",
            discussion: """
                An entity whose id is already in the gazetteer is extended (new aliases and roles added, fields set).
                CSV/TSV need a header row: id, name, type, given, family, aliases (alias syntax, separated by " | "), \
                roles (separated by " | "); other columns become string fields.
                --from wikidata reads Wikidata's JSON entity dump (a JSON array, one entity per line, plain or \
                gzip-compressed): the QID becomes the id, the English label the name, labels and aliases in \
                --languages become aliases, P31 gives the type, P39 the roles.
                """
        )

        enum Source: String, ExpressibleByArgument, CaseIterable { case file, wikidata }
        enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, tsv }

        @Argument(help: "The file to import.")
        var file: String

        @Option(help: "file (JSONL/CSV/TSV) or wikidata (a JSON entity dump).")
        var from: Source = .file

        @Option(help: "jsonl, csv or tsv (default: from the file name's ending, else jsonl).")
        var format: Format?

        @Option(help: "With --from wikidata: languages whose labels and aliases to keep, comma-separated.")
        var languages: String = WikidataImportOptions().languages.joined(separator: ",")

        @Option(name: .customLong("type-map"), help: ArgumentHelp("With --from wikidata: a class table replacing Data/wikidata/types.tsv.", valueName: "path"))
        var typeMap: String?

        @OptionGroup var gazetteer: GazetteerOptions
        @OptionGroup var lock: LockOptions

        func run() throws {
            let target = try gazetteer.writableGazetteer()
            let patches: [EntityPatch]
            switch from {
            case .wikidata: patches = try wikidataPatches()
            case .file: patches = try filePatches()
            }
            let (created, extended) = try GazetteerWriting.apply(patches, to: target, lock: lock)
            print("imported \(patches.count) entities into \(target): \(created) new, \(extended) extended")
        }

        private func filePatches() throws -> [EntityPatch] {
            let text = try Files.readText(file)
            let chosen = format ?? (file.hasSuffix(".csv") ? .csv : file.hasSuffix(".tsv") ? .tsv : .jsonl)
            switch chosen {
            case .jsonl:
                var out = [EntityPatch]()
                for (index, line) in TextLines.split(text).enumerated() {
                    let location = SourceLocation(file: file, line: index + 1)
                    if TextLines.isBlank(line) { continue }
                    do {
                        let value = try JSONParser.parse(String(line))
                        out.append(try EntityPatch(entity: value, at: location))
                    } catch let error as GazetteerError {
                        throw CommandFailure("\(error)")
                    } catch {
                        throw CommandFailure("\(location): not valid JSON: \(error)")
                    }
                }
                return out
            case .csv, .tsv:
                do {
                    return try GazetteerTable.patches(from: text, separator: chosen == .csv ? "," : "\t").map(\.patch)
                } catch {
                    throw CommandFailure("\(file): \(error)")
                }
            }
        }

        private func wikidataPatches() throws -> [EntityPatch] {
            var options = WikidataImportOptions()
            options.languages = languages.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            if let typeMap {
                do { options.typeMap = try WikidataImportOptions.parseTypeMap(try Files.readText(typeMap)) } catch {
                    throw CommandFailure("\(typeMap): \(error)")
                }
            }
            guard FileManager.default.isReadableFile(atPath: file) else { throw CommandFailure("\(file): cannot read the file") }
            let terminal = ColorOptions.canRedrawProgress()
            var lastShown = Date.distantPast
            let result: (patches: [EntityPatch], report: WikidataImportReport)
            do {
                result = try WikidataImporter.run(path: file, options: options) { pass, lines, bytes in
                    guard terminal, Date().timeIntervalSince(lastShown) > 0.2 else { return }
                    lastShown = Date()
                    FileHandle.standardError.write(Data(String(format: "\rpass %d/3: %d lines, %.1f MB", pass, lines, Double(bytes) / 1e6).utf8))
                }
            } catch {
                throw CommandFailure("\(error)")
            }
            if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            let report = result.report
            for (line, message) in report.malformed {
                FileHandle.standardError.write(Data("\(file):\(line): skipped: \(message)\n".utf8))
            }
            var summary = "read \(report.entitiesRead) entities (\(report.linesRead) lines), kept \(report.kept)"
            let skipped = report.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            if !skipped.isEmpty { summary += ", skipped " + skipped.joined(separator: ", ") }
            FileHandle.standardError.write(Data((summary + "\n").utf8))
            return result.patches
        }
    }
}
