import Foundation
import Testing
@testable import Onoma

/// The Wikidata dump fixtures in Fixtures/ were written by hand in the dump's format (a JSON array, one entity per
/// line) with invented entities: a person holding a position that is in the dump (with years) and one that is
/// not, a news agency, a city, an item without an English label, an item of an unmapped class, a malformed line,
/// a property, and the position itself.
@Suite struct WikidataImporterTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test(arguments: ["wikidata-small.json", "wikidata-small.json.gz"])
    func importsTheFixture(_ name: String) throws {
        let (patches, report) = try WikidataImporter.run(path: Self.fixtures.appendingPathComponent(name).path,
                                                         options: WikidataImportOptions())
        #expect(report.linesRead == 10)
        #expect(report.entitiesRead == 7) // 8 entity lines, one malformed
        #expect(report.kept == 5)
        #expect(report.skipped["no English label"] == 1)
        #expect(report.skipped["not an item"] == 1)
        #expect(report.skipped["malformed line"] == 1)
        #expect(report.malformed.map(\.line) == [7])
        #expect(patches.map(\.id) == ["Q900001", "Q900002", "Q900003", "Q900005", "Q900010"])

        let person = try #require(patches.first { $0.id == "Q900001" })
        #expect(person.name == "Hana Exampleton")
        #expect(person.type == .person)
        // The position in the dump becomes its label with the years; the one missing from the dump stays a QID.
        #expect(person.roles == ["Minister of Examples (2019–2021)", "Q900099"])
        // Labels and aliases in the chosen languages, not French; the English label itself is not repeated.
        #expect(person.aliases.contains(Alias(text: "例野花", lang: "ja")))
        #expect(person.aliases.contains(Alias(text: "例野花", lang: "zh")))
        #expect(person.aliases.contains(Alias(text: "れいの はな", lang: "ja")))
        #expect(person.aliases.contains(Alias(text: "Hana E.", lang: "en")))
        #expect(!person.aliases.contains { $0.lang == "fr" })
        #expect(!person.aliases.contains { $0.text == "Hana Exampleton" })

        #expect(patches.first { $0.id == "Q900002" }?.type == .organization)
        #expect(patches.first { $0.id == "Q900003" }?.type == .place)
        #expect(patches.first { $0.id == "Q900003" }?.aliases.contains(Alias(text: "Екзамплбург", lang: "uk")) == true)
        #expect(patches.first { $0.id == "Q900005" }?.type == .other)
    }

    /// A copy of a fixture changed by `cut`, in a temporary file.
    static func damaged(_ name: String, _ cut: (inout [UInt8]) -> Void) throws -> String {
        var bytes = [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
        cut(&bytes)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-dump-\(UUID().uuidString)-\(name)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func importError(_ path: String, options: WikidataImportOptions = WikidataImportOptions()) -> String? {
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try WikidataImporter.run(path: path, options: options)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test func aGzipDumpCutShortIsAnError() throws {
        // Without its trailer, cut inside the compressed data, or with a wrong CRC.
        let noTrailer = try Self.damaged("wikidata-small.json.gz") { $0.removeLast(8) }
        #expect(Self.importError(noTrailer)?.contains("ends early") == true)
        let halfway = try Self.damaged("wikidata-small.json.gz") { $0.removeLast($0.count / 2) }
        #expect(Self.importError(halfway) != nil)
        let badCRC = try Self.damaged("wikidata-small.json.gz") { $0[$0.count - 8] ^= 0xFF }
        #expect(Self.importError(badCRC)?.contains("CRC") == true)
    }

    @Test func aDumpWithoutItsClosingBracketIsAnError() throws {
        // Cut at a line boundary: every line read is whole, but the array never closes.
        let cut = try Self.damaged("wikidata-small.json") { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { $0 != "]" }.joined(separator: "\n")
            bytes = Array(kept.utf8)
        }
        #expect(Self.importError(cut)?.contains("closing ]") == true)
    }

    @Test func aLineLongerThanTheLimitIsAnError() throws {
        var options = WikidataImportOptions()
        options.maximumLineBytes = 1000
        let path = try Self.damaged("wikidata-small.json") { _ in }
        #expect(Self.importError(path, options: options)?.contains("longer than") == true)
    }

    @Test func languagesAndTypeMapAreConfigurable() throws {
        var options = WikidataImportOptions(typeMap: ["Q123456": .organization])
        options.languages = ["ru"]
        let (patches, _) = try WikidataImporter.run(path: Self.fixtures.appendingPathComponent("wikidata-small.json").path, options: options)
        #expect(patches.first { $0.id == "Q900005" }?.type == .organization)
        #expect(patches.first { $0.id == "Q900001" }?.type == .other) // Q5 is no longer mapped
        #expect(patches.first { $0.id == "Q900003" }?.aliases == [Alias(text: "Экзамплбург", lang: "ru")])
    }

    @Test func typeMapErrorsNameTheLine() {
        #expect(throws: JSONLInputError.self) { try WikidataImportOptions.parseTypeMap("Q5\tperson\nQ6\tcountry\n") }
        do {
            _ = try WikidataImportOptions.parseTypeMap("# comment\nQ5\tperson\nbad line\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
        }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: WikidataImportError.self) {
            try WikidataImporter.run(path: "/nonexistent/dump.json", options: WikidataImportOptions())
        }
    }

    @Test func defaultTypeTableMapsHumansToPersons() {
        let options = WikidataImportOptions()
        #expect(options.typeMap["Q5"] == .person)
        #expect(options.typeMap["Q6256"] == .place)
        #expect(options.typeMap["Q43229"] == .organization)
    }
}
