import Foundation
import Testing
@testable import Onoma

/// `Engine.load` loads what the `onoma` command loads (issue 12: the library ignored the user gazetteer and
/// stoplist, so library and CLI results differed).
@Suite struct EngineLoadTests {
    @Test func theUserGazetteerAndStoplistAreLoadedAsByTheCommand() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-load-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("onoma"), withIntermediateDirectories: true)
        try Data(#"{"id": "zorbin-quaylock", "name": "Zorbin Quaylock", "type": "person", "aliases": ["Zorbyn Kwaylock"]}"#.utf8)
            .write(to: folder.appendingPathComponent("onoma/gazetteer.jsonl"))
        try Data("Quaylock Street\n".utf8).write(to: folder.appendingPathComponent("onoma/stoplist.txt"))
        let environment = ["XDG_DATA_HOME": folder.path, "HOME": "/nonexistent"]

        let engine = try Engine.load(environment: environment)
        #expect(engine.entities.contains { $0.id == "zorbin-quaylock" })
        #expect(engine.entities.count > 1_000) // the built-in gazetteer too
        #expect(engine.stoplists.ignored.contains(KeyFolding.key("Quaylock Street")))
        // Without the defaults the user gazetteer is left out, but the user stoplist still holds.
        let bare = try Engine.load(includeDefault: false, environment: environment)
        #expect(bare.entities.isEmpty)
        #expect(bare.stoplists.ignored.contains(KeyFolding.key("Quaylock Street")))
    }

    @Test func aStoplistThatIsNotUTF8IsAnErrorNamingTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-stop-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data([0x41, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoplistError.self) {
            try Engine.load(includeDefault: false, stoplistPaths: [path], environment: [:])
        }
        #expect(error?.description == "\(path): not UTF-8 (invalid byte at offset 1)")
    }
}
