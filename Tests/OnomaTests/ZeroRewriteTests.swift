import Foundation
import Testing
@testable import Onoma

/// Ordinary English through the built-in gazetteer: a sample (every 50th sentence) of Scripts/zero_rewrite_check.py,
/// 2,000 frequent English words capitalized as names, and given names and places, each in a sentence. None is a
/// mistranslated name, so none may be rewritten. The script runs all 110,000 and prints the figures.
@Suite struct ZeroRewriteTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/zero-rewrite-sample.txt")

    @Test func ordinaryWordsAndOtherNamesAreNeverRewritten() throws {
        let engine = try Engine.load()
        let lines = try String(contentsOf: Self.sample, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }.map(String.init)
        #expect(lines.count >= 2_000)
        var rewritten = [String]()
        for line in lines {
            let result = engine.normalize(line)
            if result.text != line { rewritten.append(result.text) }
        }
        #expect(rewritten.isEmpty, "rewritten: \(rewritten.prefix(20))")
    }
}
