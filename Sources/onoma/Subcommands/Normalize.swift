import ArgumentParser
import Foundation
import Onoma

/// Hands out 0, 1, 2… to the threads that ask, each number once.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    /// The next number if it is below `limit`, else nil.
    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

extension OnomaCommand {
    /// `onoma normalize`: rewrite each resolved name variant to its canonical name.
    struct Normalize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace name variants by their canonical names.",
            discussion: """
                Reads the files given (standard input without files) and writes the normalized text to standard \
                output (or -o). Only resolved mentions change; every other byte passes through.

                Examples:
                  onoma normalize article.txt
                  onoma normalize --mode annotate --report mentions.jsonl article.txt
                  onoma normalize --input-format jsonl --gazetteer extra.jsonl < docs.jsonl > out.jsonl
                """
        )

        enum InputFormat: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

        @Argument(help: ArgumentHelp("Input files (standard input if none).", valueName: "file"))
        var files: [String] = []

        @Option(help: "replace: write the canonical name; annotate: keep the original and add it in brackets.")
        var mode: RewriteMode = .replace

        @Option(name: .customLong("input-format"), help: "text, or jsonl: one JSON object with a \"text\" field per line.")
        var inputFormat: InputFormat = .text

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the output here instead of standard output.", valueName: "path"))
        var output: String?

        @Option(help: ArgumentHelp("Write one JSON object per mention to this file.", valueName: "path"))
        var report: String?

        @OptionGroup var decision: DecisionOptions

        @Option(name: .customLong("doc-field"),
                help: ArgumentHelp("JSONL: consecutive lines with the same value of this field are one document.", valueName: "name"))
        var docField: String?

        @Option(name: .customLong("text-field"),
                help: ArgumentHelp("JSONL: the member that holds the text.", valueName: "name"))
        var textField = "text"

        @Option(name: .customLong("mentions-field"),
                help: ArgumentHelp("JSONL: the member the mentions are written to.", valueName: "name"))
        var mentionsField = "mentions"

        @Flag(name: .customLong("overwrite-mentions"),
              help: "JSONL: replace a mentions member a line already has (otherwise such a line is an error).")
        var overwriteMentions = false

        @Flag(name: .customLong("skip-invalid"),
              help: "JSONL: pass a line that cannot be normalized through with an \"error\" member, count it, and go on.")
        var skipInvalid = false

        @Option(name: .customLong("first-line"),
                help: ArgumentHelp("JSONL: the number of each input's first line, in messages, \"error\" members and the report (for a part of a longer file).", valueName: "n"))
        var firstLine = 1

        @Option(help: ArgumentHelp("Normalize on this many threads (default 1): JSONL lines, cut only where a document starts, and input files; the output is the same as with one.", valueName: "n"))
        var jobs = 1

        @OptionGroup var gazetteer: GazetteerOptions

        func validate() throws {
            if jobs < 1 { throw ValidationError("--jobs takes a whole number from 1") }
            if inputFormat != .jsonl {
                let jsonlOnly = [("--doc-field", docField != nil), ("--text-field", textField != "text"),
                                 ("--mentions-field", mentionsField != "mentions"), ("--overwrite-mentions", overwriteMentions),
                                 ("--skip-invalid", skipInvalid), ("--first-line", firstLine != 1)]
                if let (flag, _) = jsonlOnly.first(where: { $0.1 }) { throw ValidationError("\(flag) goes with --input-format jsonl") }
            }
            if firstLine < 1 { throw ValidationError("--first-line takes a whole number from 1") }
            if textField == mentionsField { throw ValidationError("--text-field and --mentions-field must differ") }
            if textField.isEmpty || mentionsField.isEmpty { throw ValidationError("a field name cannot be empty") }
        }

        func run() throws {
            let engine = try gazetteer.loadEngine(policy: decision.policy)
            let inputs: [String?] = files.isEmpty ? [nil] : files.map { Optional($0) }
            let fields = JSONLFields(text: textField, mentions: mentionsField, overwriteMentions: overwriteMentions,
                                     document: docField)
            // The work, in order: whole text files, and runs of JSONL lines that each begin a document.
            var pieces = [Piece]()
            for path in inputs {
                let text = try Files.readText(path)
                switch inputFormat {
                case .text: pieces.append(Piece(path: path, text: text))
                case .jsonl: pieces += jsonlPieces(text, path: path, fields: fields)
                }
            }
            let settings = Settings(mode: mode, text: inputFormat == .text, reporting: report != nil,
                                    skipInvalid: skipInvalid, firstLine: firstLine)
            let work = pieces
            let results = Results(count: work.count)
            if jobs == 1 || work.count == 1 {
                for index in work.indices { results.set(index, Self.normalize(work[index], engine: engine, fields: fields, settings)) }
            } else {
                // Each worker takes the next piece; the results are joined in input order.
                let next = Counter()
                DispatchQueue.concurrentPerform(iterations: min(jobs, work.count)) { _ in
                    while let index = next.take(below: work.count) {
                        results.set(index, Self.normalize(work[index], engine: engine, fields: fields, settings))
                    }
                }
            }
            var out = ""
            var reportLines = ""
            var skipped = [(label: String, error: JSONLInputError)]()
            for result in results.all {
                if let failure = result.failure { throw failure }
                out += result.text
                reportLines += result.report
                skipped += result.skipped
            }
            if let first = skipped.first {
                let lines = skipped.count == 1 ? "1 line" : "\(skipped.count) lines"
                Files.warn("\(lines) could not be normalized and passed through with an \"error\" member (first: \(first.label): \(first.error))")
            }
            // Both destinations are checked before either is written, so a failure leaves nothing half-written.
            try Files.checkWritable(output)
            try Files.checkWritable(report)
            // The text and the report are written together or not at all.
            try Files.writeAll([(out, output)] + (report.map { [(reportLines, $0)] } ?? []))
        }

        /// A unit of work: a text file, or JSONL lines (with their line breaks) of which the first begins a document.
        private struct Piece: Sendable {
            var path: String?
            var text: String
            var lines: [(line: String, end: String)] = []
            var firstIndex = 0
        }

        /// What a piece came to: its output, its report lines and skipped lines, or the error that stops the command.
        private struct PieceResult: Sendable {
            var text = ""
            var report = ""
            var skipped = [(label: String, error: JSONLInputError)]()
            var failure: CommandFailure?
        }

        /// A JSONL input as pieces of about 64 lines, cut only before a line that starts a document (so each
        /// piece, normalized alone, gives what the whole would); with one job, one piece.
        private func jsonlPieces(_ text: String, path: String?, fields: JSONLFields) -> [Piece] {
            // A byte order mark before the first line is accepted and passed through.
            let (mark, body) = TextLines.splitByteOrderMark(text)
            let lines = TextLines.split(body)
            let lineBreak = String(TextLines.lineBreak(of: body))
            // Every line keeps its line break; a last line without one stays without.
            let lastEnds = text.unicodeScalars.last == lineBreak.unicodeScalars.first
            let withEnds = lines.enumerated().map { ($1, $0 + 1 < lines.count || lastEnds ? lineBreak : "") }
            var pieces = [Piece(path: path, text: mark)]
            var start = 0
            var key: String?
            for index in lines.indices where jobs > 1 {
                guard let effect = JSONLNormalizer.documentEffect(lines[index], lineNumber: firstLine + index, fields: fields,
                                                                  currentKey: key) else { continue }
                key = effect.key
                if effect.starts && index - start >= 64 {
                    pieces.append(Piece(path: path, text: "", lines: Array(withEnds[start..<index]), firstIndex: start))
                    start = index
                }
            }
            pieces.append(Piece(path: path, text: "", lines: Array(withEnds[start...]), firstIndex: start))
            return pieces
        }

        /// What `normalize` needs of the command's options, on any thread.
        private struct Settings: Sendable {
            var mode: RewriteMode
            var text: Bool
            var reporting: Bool
            var skipInvalid: Bool
            var firstLine: Int
        }

        /// The pieces' results, filled from several threads.
        private final class Results: @unchecked Sendable {
            private var slots: [PieceResult?]
            private let lock = NSLock()
            init(count: Int) { slots = Array(repeating: nil, count: count) }
            func set(_ index: Int, _ result: PieceResult) {
                lock.lock()
                slots[index] = result
                lock.unlock()
            }
            /// Every result, in order (each piece has one once the work is done).
            var all: [PieceResult] {
                lock.lock()
                defer { lock.unlock() }
                return slots.map { $0! }
            }
        }

        private static func normalize(_ piece: Piece, engine: Engine, fields: JSONLFields, _ settings: Settings) -> PieceResult {
            var result = PieceResult()
            let label = piece.path ?? "<stdin>"
            let mode = settings.mode, reporting = settings.reporting, firstLine = settings.firstLine
            if settings.text {
                let normalized = engine.normalize(piece.text, mode: mode)
                result.text = normalized.text
                for mention in normalized.mentions where reporting {
                    result.report += JSONWriter.serialize(MentionJSON.object(mention, extra: fileMember(piece.path))) + "\n"
                }
                return result
            }
            result.text = piece.text // the byte order mark, for the first piece of a file
            var document = DocumentContext()
            for (offset, (line, end)) in piece.lines.enumerated() {
                let lineNumber = firstLine + piece.firstIndex + offset
                do {
                    let (normalized, mentions) = try JSONLNormalizer.normalizeLine(
                        line, lineNumber: lineNumber, engine: engine, mode: mode, fields: fields, document: &document)
                    result.text += normalized + end
                    var extra = fileMember(piece.path)
                    extra.append(JSONMember(key: "line", value: .number(String(lineNumber))))
                    for mention in mentions where reporting {
                        result.report += JSONWriter.serialize(MentionJSON.object(mention, extra: extra)) + "\n"
                    }
                } catch where settings.skipInvalid {
                    result.text += JSONLNormalizer.passThrough(line, error: error) + end
                    result.skipped.append((label, error))
                } catch {
                    let hint = error.message.contains("would be overwritten")
                        ? " (pass --overwrite-mentions to replace it, or --mentions-field to write elsewhere)" : ""
                    result.failure = CommandFailure("\(label): \(error)\(hint)")
                    return result
                }
            }
            return result
        }

        private static func fileMember(_ path: String?) -> [JSONMember] {
            guard let path else { return [] }
            return [JSONMember(key: "file", value: .string(path))]
        }
    }
}

extension RewriteMode: ExpressibleByArgument {}
