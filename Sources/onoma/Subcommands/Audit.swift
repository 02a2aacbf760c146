import ArgumentParser
import Foundation
import Onoma

extension OnomaCommand {
    /// `onoma audit`: the names a corpus needs that the gazetteer does not resolve.
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the names in a corpus that stay unresolved or ambiguous, grouped and ranked, with suggestions.",
            discussion: """
                Reads text and JSONL files (a .jsonl file's records are read from their "text" field) and folders \
                recursively, normalizes them in memory, and groups the mentions that stay unresolved or ambiguous by \
                their folded key ("Dai Qi", "Daiqi" and "DAI QI" form one row), and close spellings of probably one name \
                in the same document join them. Rows come most frequent first, each \
                with its surface forms, up to three contexts and the nearest gazetteer entities.
                The JSONL output is a review file: fill each row's "action" with "alias-of <id>", "new" or "ignore" \
                and run `onoma gazetteer apply`. The HTML output does the same in a browser.

                Examples:
                  onoma audit corpus/
                  onoma audit corpus/ --include '*.txt' --format html -o audit.html
                  onoma audit docs.jsonl --format jsonl -o review.jsonl
                """)

        @Argument(help: ArgumentHelp("Files and folders (standard input if none).", valueName: "path"))
        var paths: [String] = []

        @Option(help: ArgumentHelp("Within folders, read only files whose name matches (repeatable; default *.txt, *.jsonl, *.md).", valueName: "glob"))
        var include: [String] = []

        @Option(help: ArgumentHelp("Within folders, skip files and folders whose name matches (repeatable).", valueName: "glob"))
        var exclude: [String] = []

        @Option(help: "table (default), jsonl, csv, tsv or html.")
        var format: AuditFormat = .table

        @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "path"))
        var output: String?

        @Option(help: ArgumentHelp("Also list resolved mentions scoring below this.", valueName: "score"))
        var below: Float?

        @Option(help: "Show at most this many rows.")
        var limit: Int?

        @OptionGroup var gazetteer: GazetteerOptions
        @OptionGroup var colors: ColorOptions

        func run() throws {
            let engine = try gazetteer.loadEngine()
            let files = try paths.isEmpty ? [nil] : collectFiles().map { Optional($0) }
            var collector = AuditCollector(engine: engine, resolvedBelow: below)
            let showProgress = ColorOptions.canRedrawProgress() && files.count > 1
            for (index, path) in files.enumerated() {
                if showProgress { progress(index, files.count) }
                let text = try Files.readText(path)
                let label = path ?? "<stdin>"
                if label.hasSuffix(".jsonl") {
                    for (lineIndex, line) in TextLines.split(text).enumerated() {
                        if TextLines.isBlank(line) { continue }
                        guard let value = try? JSONParser.parse(String(line)), let record = value["text"]?.stringValue else {
                            throw CommandFailure("\(label):\(lineIndex + 1): expected a JSON object with a \"text\" string")
                        }
                        collector.add(text: record, document: "\(label):\(lineIndex + 1)", file: label, firstLine: lineIndex + 1)
                    }
                } else {
                    collector.add(text: text, document: label, file: label)
                }
            }
            if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            var rows = collector.rows()
            if let limit { rows = Array(rows.prefix(limit)) }
            // Colors mark names in the table written to a terminal (or wherever --color always says).
            let color = format == .table && (output == nil ? colors.enabled(for: 1) : colors.color == .always)
            try Files.write(AuditReport.render(rows, format: format.reportFormat, color: color), to: output)
        }

        private func progress(_ done: Int, _ total: Int) {
            let width = 30
            let filled = total == 0 ? width : done * width / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total) files".utf8))
        }

        /// The files named, and those found in the folders named (sorted, filtered by the globs).
        private func collectFiles() throws -> [String] {
            let includes = include.isEmpty ? ["*.txt", "*.jsonl", "*.md"] : include
            var out = [String]()
            for path in paths {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw CommandFailure("\(path): no such file or folder")
                }
                if !isDirectory.boolValue { out.append(path); continue }
                guard let walker = FileManager.default.enumerator(atPath: path) else { continue }
                var found = [String]()
                while let relative = walker.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    let full = (path as NSString).appendingPathComponent(relative)
                    if exclude.contains(where: { fnmatch($0, name, 0) == 0 || fnmatch($0, relative, 0) == 0 }) {
                        if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                        continue
                    }
                    guard (walker.fileAttributes?[.type] as? FileAttributeType) == .typeRegular else { continue }
                    if includes.contains(where: { fnmatch($0, name, 0) == 0 || fnmatch($0, relative, 0) == 0 }) { found.append(full) }
                }
                out += found.sorted()
            }
            return out
        }
    }

    enum AuditFormat: String, ExpressibleByArgument, CaseIterable {
        case table, jsonl, csv, tsv, html
        var reportFormat: AuditReport.Format { AuditReport.Format(rawValue: rawValue)! }
    }
}
