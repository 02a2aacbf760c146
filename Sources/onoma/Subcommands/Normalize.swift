import ArgumentParser
import Foundation
import Onoma

/// Work done on a number of threads, handed in in order and given back in that order: at most `window` pieces are
/// waiting, in work or done but not yet given back, so what is held does not grow with the input.
private final class OrderedPipeline<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    private let work: @Sendable (Input) -> Output
    private let window: Int
    private let condition = NSCondition()
    private var waiting = [(index: Int, input: Input)]()
    private var done = [Int: Output]()
    private var submitted = 0
    private var delivered = 0
    private var stopped = false
    private var running = 0

    init(workers: Int, window: Int, work: @escaping @Sendable (Input) -> Output) {
        self.work = work
        self.window = max(window, workers)
        running = workers
        for _ in 0..<workers {
            let thread = Thread { [self] in self.serve() }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func serve() {
        condition.lock()
        while true {
            while waiting.isEmpty && !stopped { condition.wait() }
            if stopped { break }
            let (index, input) = waiting.removeFirst()
            condition.unlock()
            let output = work(input)
            condition.lock()
            done[index] = output
            condition.broadcast()
        }
        running -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Hands in the next piece, first giving back (in order) what must be given back to keep the window.
    func submit(_ input: Input, deliver: (Output) throws -> Void) throws {
        condition.lock()
        waiting.append((submitted, input))
        submitted += 1
        condition.broadcast()
        condition.unlock()
        try deliverReady(deliver, until: submitted - window)
    }

    /// Gives back every piece, in order.
    func finish(deliver: (Output) throws -> Void) throws {
        try deliverReady(deliver, until: submitted)
    }

    /// Gives back results in order until `limit` have been, waiting for each; then those already done.
    private func deliverReady(_ deliver: (Output) throws -> Void, until limit: Int) throws {
        condition.lock()
        while true {
            if let output = done.removeValue(forKey: delivered) {
                delivered += 1
                condition.unlock()
                try deliver(output)
                condition.lock()
            } else if delivered < limit {
                condition.wait()
            } else {
                break
            }
        }
        condition.unlock()
    }

    /// Stops the threads (after the piece each is working on) and drops what is left.
    func stop() {
        condition.lock()
        stopped = true
        waiting.removeAll()
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
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

                The input is read in chunks and the output written as it is made, so memory does not grow with the \
                input. Bad input writes nothing: -o and --report files are written beside their targets and renamed \
                into place only at the end; when standard output, a pipe or a device is a destination, the inputs \
                are checked whole before anything is written (standard input is first copied to a temporary file \
                in TMPDIR).

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

        @Option(name: .customLong("chunk-size"),
                help: ArgumentHelp("Read the input in chunks of this many bytes (for tests).", valueName: "bytes",
                                   visibility: .hidden))
        var chunkSize = 4 << 20

        @OptionGroup var gazetteer: GazetteerOptions

        func validate() throws {
            if jobs < 1 { throw ValidationError("--jobs takes a whole number from 1") }
            if chunkSize < 1 { throw ValidationError("--chunk-size takes a whole number from 1") }
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
            let fields = JSONLFields(text: textField, mentions: mentionsField, overwriteMentions: overwriteMentions,
                                     document: docField)
            let settings = Settings(mode: mode, text: inputFormat == .text, reporting: report != nil,
                                    skipInvalid: skipInvalid, firstLine: firstLine)
            // Every input is opened, and both destinations checked, before anything is read or written.
            let inputs = try (files.isEmpty ? [nil] : files.map { Optional($0) }).map { try InputStream($0) }
            try Files.checkWritable(output)
            try Files.checkWritable(report)
            // Files are written to a temporary file and renamed into place at the end, so a bad line anywhere leaves
            // them as they were. Standard output, a pipe or a device cannot take back what it was given: before it
            // gets anything, every input is checked whole (standard input or a pipe copied to a temporary file first,
            // to be read twice), so that normalizing it cannot fail.
            if !StreamOutput.isStaged(output) || (report.map { !StreamOutput.isStaged($0) } ?? false) {
                for input in inputs {
                    try input.spool()
                    try check(input, fields: fields)
                    input.rewind()
                }
            }
            let sinks = Sinks(text: try StreamOutput(output), report: try report.map { try StreamOutput($0) })
            if jobs == 1 || (inputFormat == .text && inputs.count == 1) {
                for input in inputs {
                    switch inputFormat {
                    case .text: try streamText(input, engine: engine, settings, into: sinks)
                    case .jsonl: try streamJSONL(input, engine: engine, fields: fields, settings, into: sinks)
                    }
                    input.close()
                }
            } else {
                try normalizeInParallel(inputs, engine: engine, fields: fields, settings, into: sinks)
            }
            if let first = sinks.firstSkipped {
                let lines = sinks.skipped == 1 ? "1 line" : "\(sinks.skipped) lines"
                Files.warn("\(lines) could not be normalized and passed through with an \"error\" member (first: \(first.label): \(first.error))")
            }
            // What streams is flushed before the staged files are put in place: a full device fails first.
            try sinks.text.flush()
            try sinks.report?.flush()
            try sinks.text.commit()
            try sinks.report?.commit()
        }

        /// Where the output and the report go, and the lines passed through so far.
        private final class Sinks {
            let text: StreamOutput
            let report: StreamOutput?
            var skipped = 0
            var firstSkipped: (label: String, error: JSONLInputError)?
            init(text: StreamOutput, report: StreamOutput?) {
                self.text = text
                self.report = report
            }

            /// Writes a piece's result, or throws its failure.
            func write(_ result: PieceResult) throws {
                try text.write(result.text)
                if !result.report.isEmpty { try report?.write(result.report) }
                if firstSkipped == nil { firstSkipped = result.skipped.first }
                skipped += result.skipped.count
                if let failure = result.failure { throw failure }
            }
        }

        /// The message for a byte that is not UTF-8.
        private static func notUTF8(_ error: UTF8StreamError, _ label: String) -> CommandFailure {
            let byte = String(error.byte, radix: 16, uppercase: true)
            return CommandFailure("\(label): not UTF-8: invalid byte 0x\(byte) at byte offset \(error.offset)")
        }

        /// The message for a JSONL line that cannot be normalized.
        private static func badLine(_ error: JSONLInputError, _ label: String) -> CommandFailure {
            let hint = error.message.contains("would be overwritten")
                ? " (pass --overwrite-mentions to replace it, or --mentions-field to write elsewhere)" : ""
            return CommandFailure("\(label): \(error)\(hint)")
        }

        private func textReader(_ input: InputStream) -> ChunkedLineReader {
            ChunkedLineReader(chunkSize: chunkSize) { try input.read(into: $0) }
        }

        private func jsonlReader(_ input: InputStream) -> JSONLLineReader {
            JSONLLineReader(chunkSize: chunkSize) { try input.read(into: $0) }
        }

        /// Reads `input` through, failing as normalizing it would: on its first byte that is not UTF-8 or (JSONL,
        /// without --skip-invalid) its first line that cannot be normalized.
        private func check(_ input: InputStream, fields: JSONLFields) throws {
            do {
                if inputFormat == .text {
                    var reader = textReader(input)
                    while try reader.nextLines() != nil {}
                    return
                }
                var reader = jsonlReader(input)
                var lineNumber = firstLine
                while let (line, _) = try reader.next() {
                    if !skipInvalid {
                        do { try JSONLNormalizer.validate(line, lineNumber: lineNumber, fields: fields) } catch {
                            throw Self.badLine(error, input.label)
                        }
                    }
                    lineNumber += 1
                }
            } catch let error as UTF8StreamError {
                throw Self.notUTF8(error, input.label)
            }
        }

        /// Normalizes a text file as it is read, chunk after chunk, with what earlier chunks named.
        private func streamText(_ input: InputStream, engine: Engine, _ settings: Settings, into sinks: Sinks) throws {
            var reader = textReader(input)
            var stream = TextStreamNormalizer(engine: engine, mode: settings.mode)
            func write(_ normalized: NormalizationResult) throws {
                var result = PieceResult(text: normalized.text)
                for mention in normalized.mentions where settings.reporting {
                    result.report += JSONWriter.serialize(MentionJSON.object(mention, extra: Self.fileMember(input.path))) + "\n"
                }
                try sinks.write(result)
            }
            do {
                while let (bytes, _) = try reader.nextLines() {
                    try write(stream.append(String(decoding: bytes, as: UTF8.self)))
                }
            } catch let error as UTF8StreamError {
                throw Self.notUTF8(error, input.label)
            }
            try write(stream.finish())
        }

        /// Normalizes a JSONL input line by line as it is read (each file with a document context of its own).
        private func streamJSONL(_ input: InputStream, engine: Engine, fields: JSONLFields, _ settings: Settings,
                                 into sinks: Sinks) throws {
            var reader = jsonlReader(input)
            var document = DocumentContext()
            var index = 0
            do {
                var next = try reader.next()
                try sinks.text.write(reader.mark) // a byte order mark is passed through
                while let (line, end) = next {
                    var result = PieceResult()
                    Self.normalizeLine(line, end: end, lineNumber: firstLine + index, path: input.path, engine: engine,
                                       fields: fields, settings, document: &document, into: &result)
                    try sinks.write(result)
                    index += 1
                    next = try reader.next()
                }
            } catch let error as UTF8StreamError {
                throw Self.notUTF8(error, input.label)
            }
        }

        /// Normalizes on `jobs` threads: JSONL lines in pieces cut where a document starts, text files whole; a
        /// bounded number of pieces is read ahead, and the results are written in input order.
        private func normalizeInParallel(_ inputs: [InputStream], engine: Engine, fields: JSONLFields,
                                         _ settings: Settings, into sinks: Sinks) throws {
            let pipeline = OrderedPipeline<Piece, PieceResult>(workers: jobs, window: 4 * jobs) { piece in
                Self.normalize(piece, engine: engine, fields: fields, settings)
            }
            defer { pipeline.stop() }
            for input in inputs {
                do {
                    switch inputFormat {
                    case .text:
                        var reader = textReader(input)
                        var bytes = [UInt8]()
                        while let (run, _) = try reader.nextLines() { bytes += run }
                        try pipeline.submit(Piece(path: input.path, text: String(decoding: bytes, as: UTF8.self)),
                                            deliver: sinks.write)
                    case .jsonl:
                        try jsonlPieces(input, fields: fields) { try pipeline.submit($0, deliver: sinks.write) }
                    }
                    input.close()
                } catch let error as UTF8StreamError {
                    // The pieces before the bad byte may hold a line that fails first, as it would have whole.
                    try pipeline.finish(deliver: sinks.write)
                    throw Self.notUTF8(error, input.label)
                }
            }
            try pipeline.finish(deliver: sinks.write)
        }

        /// A JSONL input as pieces of at least 64 lines, cut only before a line that starts a document (so each
        /// piece, normalized alone, gives what the whole would), handed to `submit` as they are read.
        private func jsonlPieces(_ input: InputStream, fields: JSONLFields, submit: (Piece) throws -> Void) throws {
            var reader = jsonlReader(input)
            var next = try reader.next()
            // A byte order mark before the first line is accepted and passed through.
            try submit(Piece(path: input.path, text: reader.mark))
            var lines = [(line: String, end: String)]()
            var start = 0
            var index = 0
            var key: String?
            while let (line, end) = next {
                if let effect = JSONLNormalizer.documentEffect(line, lineNumber: firstLine + index, fields: fields,
                                                               currentKey: key) {
                    key = effect.key
                    if effect.starts && index - start >= 64 {
                        try submit(Piece(path: input.path, text: "", lines: lines, firstIndex: start))
                        lines.removeAll(keepingCapacity: true)
                        start = index
                    }
                }
                lines.append((line, end))
                index += 1
                next = try reader.next()
            }
            try submit(Piece(path: input.path, text: "", lines: lines, firstIndex: start))
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

        /// What `normalize` needs of the command's options, on any thread.
        private struct Settings: Sendable {
            var mode: RewriteMode
            var text: Bool
            var reporting: Bool
            var skipInvalid: Bool
            var firstLine: Int
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
                normalizeLine(line, end: end, lineNumber: firstLine + piece.firstIndex + offset, path: piece.path,
                              engine: engine, fields: fields, settings, document: &document, into: &result)
                if result.failure != nil { return result }
            }
            return result
        }

        /// Normalizes one JSONL line into `result`: its output and report lines, or (with --skip-invalid) it passed
        /// through, or the failure that stops the command.
        private static func normalizeLine(_ line: String, end: String, lineNumber: Int, path: String?, engine: Engine,
                                          fields: JSONLFields, _ settings: Settings, document: inout DocumentContext,
                                          into result: inout PieceResult) {
            do {
                let (normalized, mentions) = try JSONLNormalizer.normalizeLine(
                    line, lineNumber: lineNumber, engine: engine, mode: settings.mode, fields: fields, document: &document)
                result.text += normalized + end
                guard settings.reporting else { return }
                var extra = fileMember(path)
                extra.append(JSONMember(key: "line", value: .number(String(lineNumber))))
                for mention in mentions {
                    result.report += JSONWriter.serialize(MentionJSON.object(mention, extra: extra)) + "\n"
                }
            } catch where settings.skipInvalid {
                result.text += JSONLNormalizer.passThrough(line, error: error) + end
                result.skipped.append((path ?? "<stdin>", error))
            } catch {
                result.failure = badLine(error, path ?? "<stdin>")
            }
        }

        private static func fileMember(_ path: String?) -> [JSONMember] {
            guard let path else { return [] }
            return [JSONMember(key: "file", value: .string(path))]
        }
    }
}

extension RewriteMode: ExpressibleByArgument {}
