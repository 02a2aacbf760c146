import ArgumentParser
import Onoma

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

        @OptionGroup var gazetteer: GazetteerOptions

        func validate() throws {
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
            var out = ""
            var reportLines = ""
            let fields = JSONLFields(text: textField, mentions: mentionsField, overwriteMentions: overwriteMentions,
                                     document: docField)
            var skipped = [(label: String, error: JSONLInputError)]()
            for path in inputs {
                let text = try Files.readText(path)
                let label = path ?? "<stdin>"
                switch inputFormat {
                case .text:
                    let result = engine.normalize(text, mode: mode)
                    out += result.text
                    for mention in result.mentions where report != nil {
                        reportLines += JSONWriter.serialize(MentionJSON.object(mention, extra: fileMember(path))) + "\n"
                    }
                case .jsonl:
                    // A byte order mark before the first line is accepted and passed through.
                    let (mark, body) = TextLines.splitByteOrderMark(text)
                    out += mark
                    let lines = TextLines.split(body)
                    let lineBreak = String(TextLines.lineBreak(of: body))
                    var document = DocumentContext()
                    for (index, line) in lines.enumerated() {
                        let lineNumber = firstLine + index
                        // Every line keeps its line break; a last line without one stays without.
                        let end = index + 1 < lines.count || text.unicodeScalars.last == lineBreak.unicodeScalars.first
                            ? lineBreak : ""
                        do {
                            let (normalized, mentions) = try JSONLNormalizer.normalizeLine(
                                line, lineNumber: lineNumber, engine: engine, mode: mode, fields: fields, document: &document)
                            out += normalized + end
                            var extra = fileMember(path)
                            extra.append(JSONMember(key: "line", value: .number(String(lineNumber))))
                            for mention in mentions where report != nil {
                                reportLines += JSONWriter.serialize(MentionJSON.object(mention, extra: extra)) + "\n"
                            }
                        } catch where skipInvalid {
                            out += JSONLNormalizer.passThrough(line, error: error) + end
                            skipped.append((label, error))
                        } catch {
                            let hint = error.message.contains("would be overwritten")
                                ? " (pass --overwrite-mentions to replace it, or --mentions-field to write elsewhere)" : ""
                            throw CommandFailure("\(label): \(error)\(hint)")
                        }
                    }
                }
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

        private func fileMember(_ path: String?) -> [JSONMember] {
            guard let path else { return [] }
            return [JSONMember(key: "file", value: .string(path))]
        }
    }
}

extension RewriteMode: ExpressibleByArgument {}
