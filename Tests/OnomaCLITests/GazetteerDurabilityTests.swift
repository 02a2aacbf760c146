import Foundation
import Testing
import Onoma

/// Durable writes under stress: concurrent `onoma gazetteer add` processes, and writers killed with SIGKILL.
@Suite(.serialized) struct GazetteerDurabilityTests {
    /// The built `onoma` executable: beside the test bundle in SwiftPM's products folder.
    static let binary: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            for configuration in ["debug", "release"] {
                let candidate = directory.appendingPathComponent(".build/\(configuration)/onoma")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
            directory.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("onoma")
    }()

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-durability-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func addProcess(id: String, gazetteer: String, home: URL) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["gazetteer", "add", "--id", id, "--name", "Entity \(id)", "--type", "person",
                             "--alias", "名\(id)@zh", "--role", "Tester", "--gazetteer", gazetteer]
        process.environment = ["HOME": home.path, "XDG_DATA_HOME": home.appendingPathComponent("xdg").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func twentyConcurrentAddsLoseNothing() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let gazetteer = directory.appendingPathComponent("shared.jsonl").path
        let ids = (0..<20).map { "c\($0)" }
        let processes = try ids.map { try Self.addProcess(id: $0, gazetteer: gazetteer, home: directory) }
        for p in processes { p.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let text = try String(contentsOfFile: gazetteer, encoding: .utf8)
        let document = try GazetteerDocument(text: text, path: gazetteer)
        #expect(Set(document.entities.map(\.id)) == Set(ids))
        #expect(document.entities.count == 20)
    }

    @Test func killedWritersLeaveAValidFileWithEveryReportedEntry() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let gazetteer = directory.appendingPathComponent("killed.jsonl").path
        // A large file makes each write take long enough to be interrupted part-way.
        var seed = ""
        for i in 0..<3000 {
            seed += #"{"id": "seed\#(i)", "name": "Seed Person \#(i)", "type": "person", "aliases": [{"text": "种子\#(i)", "lang": "zh"}], "note": "\#(String(repeating: "x", count: 200))"}"# + "\n"
        }
        try seed.write(toFile: gazetteer, atomically: true, encoding: .utf8)
        // Time one undisturbed write, then kill writers at random moments up to 1.5 times that long, so some are
        // killed before, some during and some after their write.
        let start = Date()
        let timing = try Self.addProcess(id: "timing", gazetteer: gazetteer, home: directory)
        timing.waitUntilExit()
        let duration = Date().timeIntervalSince(start)
        var confirmed: Set<String> = timing.terminationStatus == 0 ? ["timing"] : []
        var killed = 0
        var generator = SystemRandomNumberGenerator()
        for round in 0..<40 {
            let id = "k\(round)"
            let process = try Self.addProcess(id: id, gazetteer: gazetteer, home: directory)
            usleep(UInt32(Double.random(in: 0...(duration * 1.5), using: &generator) * 1_000_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            if process.terminationReason == .exit && process.terminationStatus == 0 { confirmed.insert(id) }
            // After every round the file parses and holds every seed line and every confirmed entry.
            let text = try String(contentsOfFile: gazetteer, encoding: .utf8)
            let document = try GazetteerDocument(text: text, path: gazetteer)
            let present = Set(document.entities.map(\.id))
            #expect(present.isSuperset(of: confirmed))
            #expect(document.entities.count == present.count)
            #expect(present.filter { $0.hasPrefix("seed") }.count == 3000)
        }
        // The test is only meaningful if some writers were killed and some finished.
        #expect(killed > 0)
        #expect(confirmed.count > 1)
        // The next successful writer removes what killed writers left behind.
        let last = try Self.addProcess(id: "last", gazetteer: gazetteer, home: directory)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.filter { $0.hasPrefix("killed.jsonl.tmp-") }.isEmpty)
    }
}
