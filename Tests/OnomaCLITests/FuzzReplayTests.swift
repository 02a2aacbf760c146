import Foundation
import Testing

/// The fuzz target's checks, replayed on its seeds and saved regressions (Tests/FuzzInputs/seeds) by the normal
/// build of `onoma-fuzz`, so a fixed fuzz finding stays fixed in `swift test` and not only under `Scripts/fuzz.sh`.
@Suite struct FuzzReplayTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzInputs/seeds")

    @Test func everySavedFuzzInputPassesTheChecks() throws {
        let replay = OnomaTool.executable.deletingLastPathComponent().appendingPathComponent("onoma-fuzz")
        let inputs = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path)
        #expect(inputs.count >= 6)
        let process = Process()
        process.executableURL = replay
        process.arguments = [Self.seeds.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(printed)")
        #expect(printed.contains("\(inputs.count) inputs, every check held"), "\(printed)")
    }

    /// A named input that does not exist is an error, not an empty replay that passes.
    @Test func theReplayReportsAMissingInput() throws {
        let replay = OnomaTool.executable.deletingLastPathComponent().appendingPathComponent("onoma-fuzz")
        let process = Process()
        process.executableURL = replay
        process.arguments = ["/nonexistent/onoma-fuzz-input"]
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
    }
}
