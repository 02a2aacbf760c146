import ArgumentParser
import Dispatch
import Foundation
import Onoma
import OnomaService
import Synchronization

extension OnomaCommand {
    /// `onoma serve`: the engine as an HTTP JSON service (openapi/onoma.yaml), loaded once and reloaded on SIGHUP.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve normalize, match and entity look-up as an HTTP JSON API.",
            discussion: """
                Loads the gazetteers once, then answers POST /v1/normalize, POST /v1/match, GET /v1/entities/{id}, \
                GET /v1/entities?q=… and GET /healthz (described in openapi/onoma.yaml). Once it listens it writes \
                "onoma serve: listening on http://HOST:PORT" to standard error. SIGHUP loads the gazetteers again \
                and swaps the new engine in without dropping a request (a failed reload keeps the old one); SIGTERM \
                or SIGINT stops after answering the requests in flight.

                Examples:
                  onoma serve
                  onoma serve --port 0 --no-default-gazetteer --gazetteer names.jsonl
                  curl -s localhost:8080/v1/normalize -d '{"text": "Premier Li Ke-chiang spoke."}'
                """)

        @Option(help: ArgumentHelp("The address to listen on (0.0.0.0 or :: for every interface).", valueName: "address"))
        var host = "127.0.0.1"

        @Option(help: ArgumentHelp("The TCP port; 0 picks a free one (the listening line says which).", valueName: "port"))
        var port = 8080

        @Option(name: .customLong("max-body"),
                help: ArgumentHelp("The largest request body accepted, in bytes or with KiB/MiB; larger is answered 413.",
                                   valueName: "size"))
        var maxBody = ByteCount(bytes: 4 << 20)

        @Option(help: ArgumentHelp("Threads for engine work (default: one per core).", valueName: "n"))
        var threads: Int?

        @OptionGroup var decision: DecisionOptions

        @OptionGroup var gazetteer: GazetteerOptions

        func validate() throws {
            if !(0...65535).contains(port) { throw ValidationError("--port takes a number from 0 to 65535") }
            if let threads, !(1...256).contains(threads) { throw ValidationError("--threads takes a number from 1 to 256") }
        }

        func run() throws {
            let policy = decision.policy
            let options = gazetteer
            // The first load fails the command, as in every other subcommand; a reload's failure is only reported.
            let store = try EngineStore { [policy] in try options.buildEngine(policy: policy) }
            var configuration = ServiceConfiguration()
            configuration.host = host
            configuration.port = port
            configuration.maximumBodyBytes = maxBody.bytes
            if let threads { configuration.workerThreads = threads }
            configuration.version = OnomaCommand.packageVersion
            let report: @Sendable (String) -> Void = { line in
                FileHandle.standardError.write(Data("onoma serve: \(line)\n".utf8))
            }
            let address = "\(host):\(port)"
            do {
                try Self.wait { [configuration] in try await OnomaServer.run(store: store, configuration: configuration, report: report) }
            } catch {
                throw CommandFailure("cannot serve on \(address): \(error)")
            }
        }

        /// Runs `work` on Swift's concurrency pool and blocks this (main) thread until it ends: the other subcommands
        /// are synchronous, and this one only waits for the server.
        private static func wait(for work: @escaping @Sendable () async throws -> Void) throws {
            final class Outcome: Sendable {
                let result = Mutex<Result<Void, any Error>>(.success(()))
            }
            let outcome = Outcome()
            let done = DispatchSemaphore(value: 0)
            Task {
                do { try await work() } catch { outcome.result.withLock { $0 = .failure(error) } }
                done.signal()
            }
            done.wait()
            try outcome.result.withLock { $0 }.get()
        }
    }
}

/// A size in bytes written as a number, optionally with KiB, MiB or GiB (K, M, G and KB, MB, GB mean the same).
struct ByteCount: ExpressibleByArgument, CustomStringConvertible, Sendable {
    var bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
        let scale: Int
        switch unit {
        case "", "b": scale = 1
        case "k", "kb", "kib": scale = 1 << 10
        case "m", "mb", "mib": scale = 1 << 20
        case "g", "gb", "gib": scale = 1 << 30
        default: return nil
        }
        guard let number = Int(digits), number > 0, number <= Int.max / scale else { return nil }
        bytes = number * scale
    }

    var description: String {
        if bytes % (1 << 20) == 0 { return "\(bytes >> 20)MiB" }
        if bytes % (1 << 10) == 0 { return "\(bytes >> 10)KiB" }
        return String(bytes)
    }
}
