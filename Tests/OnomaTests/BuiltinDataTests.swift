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
        for folder in ["gazetteer", "romanization", "stoplists", "wikidata", "lexicons", "model"] {
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
            // Kanji do not show their reading: a Japanese kanji name needs one (kana names do not).
            for alias in entity.aliases where alias.lang?.hasPrefix("ja") == true && dominantScript(alias.text) == .han {
                #expect(alias.reading != nil, "\(entity.id): Japanese alias \(alias.text) has no reading")
            }
        }
    }

    @Test func everyRuleSetCompiles() throws {
        _ = try RuleSets()
    }
}

/// Data/gazetteer/countries.jsonl is generated from ICU's CLDR names: the committed file must be what the
/// generator produces now (regenerate with `swift run generate-countries`).
@Suite struct CountriesTests {
    @Test func committedFileIsCurrent() throws {
        let url = BuiltinDataTests.dataDirectory.appendingPathComponent("gazetteer/countries.jsonl")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == CountryGazetteer.jsonl(), "Data/gazetteer/countries.jsonl is stale: run `swift run generate-countries`")
    }

    @Test func carriesNamesInTheNewsLanguages() throws {
        let entities = try GazetteerLoader.parse(CountryGazetteer.jsonl(), file: "countries")
        #expect(entities.count >= 240)
        let japan = try #require(entities.first { $0.id == "country-jp" })
        #expect(japan.name == "Japan")
        #expect(japan.type == .place)
        #expect(japan.aliases.contains(Alias(text: "日本", lang: "ja", reading: "にほん")))
        #expect(japan.aliases.contains(Alias(text: "일본", lang: "ko")))
        #expect(japan.aliases.contains(Alias(text: "Япония", lang: "ru")))
        // Short forms come with the official ones.
        let hongKong = try #require(entities.first { $0.id == "country-hk" })
        #expect(hongKong.name == "Hong Kong")
        #expect(hongKong.aliases.contains(Alias(text: "香港", lang: "zh")))
    }
}
