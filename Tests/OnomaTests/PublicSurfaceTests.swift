import Foundation
import Testing

/// The library's public surface (issue 12, part 8): what library users need — loading, normalizing, explaining,
/// auditing, editing gazetteers, and the data those return — and nothing of the engine's inside, which the command
/// and the service reach as `package` symbols. A change to it is a choice: the golden list must be re-recorded.
@Suite struct PublicSurfaceTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/Onoma")

    /// Every `public` declaration of the library's sources, as "file: declaration" lines, sorted.
    static func publicDeclarations() throws -> String {
        var lines = [String]()
        let walker = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        for case let url as URL in walker where url.pathExtension == "swift" && !url.path.contains("/Generated/") {
            let file = url.path.replacingOccurrences(of: sources.path + "/", with: "")
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
                let text = line.trimmingCharacters(in: .whitespaces)
                guard text.hasPrefix("public ") else { continue }
                // The declaration up to its body or its value.
                var head = text.prefix { $0 != "{" && $0 != "=" }.trimmingCharacters(in: .whitespaces)
                if head.hasSuffix(":") { head.removeLast() }
                lines.append("\(file): \(head)")
            }
        }
        return lines.sorted().joined(separator: "\n") + "\n"
    }

    @Test func thePublicSurfaceIsTheRecordedOne() throws {
        try Golden.check(try Self.publicDeclarations(), name: "public-api.txt")
    }

    /// Every public declaration has a doc comment (attributes may stand between them).
    @Test func everyPublicDeclarationIsDocumented() throws {
        var undocumented = [String]()
        let walker = try #require(FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil))
        for case let url as URL in walker where url.pathExtension == "swift" && !url.path.contains("/Generated/") {
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            for (i, line) in lines.enumerated() where line.hasPrefix("public ") {
                var j = i - 1
                while j >= 0 && lines[j].hasPrefix("@") { j -= 1 }
                if j < 0 || !lines[j].hasPrefix("///") { undocumented.append("\(url.lastPathComponent):\(i + 1): \(line)") }
            }
        }
        #expect(undocumented.isEmpty, "\(undocumented.joined(separator: "\n"))")
    }

    @Test func theEnginesInsideIsNotPublic() throws {
        let surface = try Self.publicDeclarations()
        for inside in ["struct NameForm", "struct KeyHit", "enum KeyFolding", "enum Tokenizer", "class Transliterator",
                       "enum DurableFile", "enum WikidataImporter", "enum TextLines", "struct Spelling", "struct SystemSet"] {
            #expect(!surface.contains(inside), "\(inside) is public")
        }
        #expect(surface.split(separator: "\n").count < 260)
    }
}
