import Foundation
import Onoma
#if ONOMA_LIBFUZZER
import CFuzzerDriver
#endif

/// The fuzz target: every input goes through the UTF-8 check, normalize (text and JSONL mode) and the gazetteer
/// parser, and each invariant below is asserted; a violation stops the process with a message (libFuzzer then
/// saves the input). Built two ways:
/// - `Scripts/fuzz.sh` builds it with `-sanitize=fuzzer,address -DONOMA_LIBFUZZER`: libFuzzer drives it.
/// - A normal build (`swift build --product onoma-fuzz`) replays files: `onoma-fuzz FILE|DIR...` runs each file
///   through the same checks, so a saved crash can be reproduced and debugged without the fuzzer.
enum FuzzChecks {
    /// The built-in gazetteer's engine, built once.
    static let engine = try! Engine.load()
    /// The compiled rules, shared by the small engines built from fuzzed gazetteers.
    static let rules = try! RuleSets()

    static func fail(_ message: String, _ input: String) -> Never {
        FileHandle.standardError.write(Data("onoma-fuzz: \(message)\ninput: \(input.debugDescription)\n".utf8))
        abort()
    }

    /// Runs every check on one input.
    static func run(_ bytes: [UInt8]) {
        // The UTF-8 check the CLI uses agrees with the standard library's decoder.
        let invalid = UTF8Validation.firstInvalidByte(bytes)
        let decoded = String(validating: bytes, as: UTF8.self)
        guard (invalid == nil) == (decoded != nil) else {
            fail("firstInvalidByte says \(String(describing: invalid)), the decoder disagrees", String(decoding: bytes, as: UTF8.self))
        }
        guard let text = decoded else { return }
        let once = normalizeIsLossless(text, engine: engine)
        jsonlModeEqualsTextMode(text, expected: once)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(8) {
            jsonlLineKeepsItsOtherBytes(String(line))
        }
        gazetteerParses(text)
    }

    /// Normalize keeps every scalar outside its rewrites, its offsets point at the surface, it is deterministic, and
    /// its output is a fixed point in replace and annotate mode.
    @discardableResult
    static func normalizeIsLossless(_ text: String, engine: Engine) -> String {
        let result = engine.normalize(text)
        let scalars = Array(text.unicodeScalars)
        var rebuilt = String.UnicodeScalarView()
        var position = 0
        for mention in result.mentions {
            guard mention.start >= position, mention.start < mention.end, mention.end <= scalars.count else {
                fail("mention \(mention.start)..<\(mention.end) out of order or out of range", text)
            }
            guard String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.surface else {
                fail("mention offsets do not point at its surface \(mention.surface.debugDescription)", text)
            }
            rebuilt.append(contentsOf: scalars[position..<mention.start])
            let written = mention.status == .resolved ? (mention.replacement ?? mention.surface) : mention.surface
            rebuilt.append(contentsOf: written.unicodeScalars)
            position = mention.end
        }
        rebuilt.append(contentsOf: scalars[position...])
        guard String(rebuilt).utf8.elementsEqual(result.text.utf8) else {
            fail("output differs from the input outside its rewrites: \(result.text.debugDescription)", text)
        }
        guard engine.normalize(text).text.utf8.elementsEqual(result.text.utf8) else { fail("not deterministic", text) }
        // A fixed point: a second pass changes nothing, in either mode.
        guard engine.normalize(result.text).text.utf8.elementsEqual(result.text.utf8) else {
            fail("a second pass changes \(result.text.debugDescription)", text)
        }
        let annotated = engine.normalize(text, mode: .annotate).text
        guard engine.normalize(annotated, mode: .annotate).text.utf8.elementsEqual(annotated.utf8) else {
            fail("a second annotate pass changes \(annotated.debugDescription)", text)
        }
        return result.text
    }

    /// The text as the `text` of a JSONL line normalizes as in text mode; the other members keep their bytes.
    static func jsonlModeEqualsTextMode(_ text: String, expected: String) {
        guard !text.contains("\n"), !text.contains("\r") else { return }  // a JSONL line holds no raw line break
        let line = "{\"id\": 1, \"text\": " + JSONWriter.quote(text) + "}"
        let output: String
        do { output = try JSONLNormalizer.normalizeLine(line, lineNumber: 1, engine: engine, mode: .replace).output }
        catch { fail("a valid JSONL line was rejected: \(error)", text) }
        guard case .object(let members)? = try? JSONParser.parse(bytes: Array(output.utf8)) else {
            fail("JSONL output is not a JSON object: \(output.debugDescription)", text)
        }
        guard let written = members.first(where: { $0.key == "text" })?.value.stringValue,
              written.utf8.elementsEqual(expected.utf8) else {
            fail("JSONL text differs from text mode", text)
        }
        guard output.hasPrefix("{\"id\": 1, \"text\": ") else { fail("JSONL changed bytes before the text", text) }
    }

    /// Any line: rejected with an error, or written back as a JSON object whose members other than `text` and
    /// `mentions` are byte for byte those of the input, and whose text is text mode's output.
    static func jsonlLineKeepsItsOtherBytes(_ line: String) {
        guard let (output, _) = try? JSONLNormalizer.normalizeLine(line, lineNumber: 1, engine: engine, mode: .replace),
              !output.utf8.elementsEqual(line.utf8) else { return }
        guard case .object(let before)? = try? JSONParser.parse(bytes: Array(line.utf8)),
              case .object(let after)? = try? JSONParser.parse(bytes: Array(output.utf8)) else {
            fail("JSONL output is not a JSON object: \(output.debugDescription)", line)
        }
        let kept = { (members: [JSONMember]) in
            members.filter { $0.key != "text" && $0.key != "mentions" }.map { $0.key + "\u{0}" + JSONWriter.serialize($0.value) }
        }
        guard kept(before) == kept(after) else { fail("JSONL changed members other than text and mentions", line) }
        guard let text = before.first(where: { $0.key == "text" })?.value.stringValue,
              let written = after.first(where: { $0.key == "text" })?.value.stringValue,
              engine.normalize(text).text.utf8.elementsEqual(written.utf8) else {
            fail("JSONL text differs from text mode", line)
        }
    }

    /// The gazetteer parser accepts or rejects with an error naming a line; what it accepts builds an engine that
    /// normalizes the same input losslessly.
    static func gazetteerParses(_ text: String) {
        let entities: [Entity]
        do { entities = try GazetteerLoader.parse(text, file: "fuzz") } catch {
            guard error.location.line >= 1 else { fail("gazetteer error without a line: \(error)", text) }
            return
        }
        guard (1...16).contains(entities.count) else { return }
        let small = Engine(entities: entities, rules: rules)
        normalizeIsLossless(text, engine: small)
        normalizeIsLossless(entities.map(\.name).joined(separator: " met "), engine: small)
    }
}

/// libFuzzer's callback for one input.
@_cdecl("onoma_fuzz_one_input")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzChecks.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@main struct OnomaFuzz {
    static func main() throws {
        #if ONOMA_LIBFUZZER
        // Under libFuzzer: build the engine first (outside the timed runs), then hand the arguments to its driver.
        _ = FuzzChecks.engine
        _ = FuzzChecks.rules
        var argc = CommandLine.argc
        var argv = Optional(CommandLine.unsafeArgv)
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
        #else
        try replay(Array(CommandLine.arguments.dropFirst()))
        #endif
    }

    /// Runs each file (each file in a folder) through the checks.
    static func replay(_ arguments: [String]) throws {
        var files = [String]()
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("onoma-fuzz: \(argument): no such file\n".utf8))
                exit(2)
            }
            if isDirectory.boolValue {
                files += try FileManager.default.contentsOfDirectory(atPath: argument).sorted().map { argument + "/" + $0 }
            } else {
                files.append(argument)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            FuzzChecks.run([UInt8](data))
        }
        print("onoma-fuzz: \(files.count) inputs, every check held")
    }
}
