import Foundation
import Testing
@testable import Onoma

/// The generated BuiltinData.swift must match Data/ exactly: regenerate with `swift run generate-builtin-data`.
@Suite struct BuiltinDataTests {
    static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")

    static func dataFiles() -> [String] {
        var out = [String]()
        for folder in ["gazetteer", "romanization", "stoplists", "wikidata"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dataDirectory.appendingPathComponent(folder).path)) ?? []
            out += names.filter { $0.hasSuffix(".jsonl") || $0.hasSuffix(".txt") || $0.hasSuffix(".tsv") }.map { "\(folder)/\($0)" }
        }
        return out.sorted()
    }

    @Test func embedsEveryDataFile() {
        #expect(Set(BuiltinData.files.keys) == Set(Self.dataFiles()),
                "Data/ and BuiltinData.swift list different files: run `swift run generate-builtin-data`")
    }

    @Test(arguments: dataFiles())
    func embeddedCopyIsCurrent(_ relative: String) throws {
        let text = try String(contentsOf: Self.dataDirectory.appendingPathComponent(relative), encoding: .utf8)
        #expect(BuiltinData.files[relative] == text, "Data/\(relative) changed: run `swift run generate-builtin-data`")
    }

    @Test func defaultGazetteerLoadsAndIsWellFormed() throws {
        let entities = try Engine.defaultEntities()
        #expect(!entities.isEmpty)
        #expect(Set(entities.map(\.id)).count == entities.count, "duplicate ids in the default gazetteer")
        for entity in entities where entity.type == .person {
            for alias in entity.aliases where alias.lang?.hasPrefix("ja") == true {
                #expect(alias.reading != nil, "\(entity.id): Japanese alias \(alias.text) has no reading")
            }
        }
    }

    @Test func everyRuleSetCompiles() throws {
        _ = try RuleSets()
    }
}
