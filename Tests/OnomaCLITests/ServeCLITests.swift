// End-to-end tests of `onoma serve`: the built executable is started on a free loopback port with a gazetteer written
// for these tests (every name in it is invented), the port is read from its listening line on standard error, and
// the routes of openapi/onoma.yaml are called over a plain TCP socket. Normalize and match answers are compared with
// what `onoma normalize` and `onoma explain` print for the same input, so the service and the command line keep one
// format.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

// MARK: - A running server

/// One `onoma serve` process on 127.0.0.1, stopped (SIGTERM) by `stop()`.
final class ServeProcess {
    let process = Process()
    let port: Int
    let scratch: Scratch
    let stderrURL: URL

    /// Starts `onoma serve --port 0 <arguments>` with a fresh HOME (no user gazetteer), and waits for the
    /// listening line.
    init(_ arguments: [String], scratch: Scratch) throws {
        self.scratch = scratch
        let home = scratch.url.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        stderrURL = scratch.url.appendingPathComponent("serve.stderr")
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = OnomaTool.executable
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = scratch.url
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["XDG_DATA_HOME"] = home.appendingPathComponent("xdg").path
        process.environment = environment
        let errHandle = try FileHandle(forWritingTo: stderrURL)
        defer { try? errHandle.close() }
        process.standardError = errHandle
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The listening line: "onoma serve: listening on http://127.0.0.1:PORT".
        let deadline = Date().addingTimeInterval(120)
        var found: Int?
        while found == nil && Date() < deadline && process.isRunning {
            let text = String(decoding: (try? Data(contentsOf: stderrURL)) ?? Data(), as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("onoma serve: listening on http://127.0.0.1:") }) {
                found = Int(line.split(separator: ":").last ?? "")
            } else {
                usleep(20_000)
            }
        }
        guard let found else {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            let stderr = String(decoding: (try? Data(contentsOf: stderrURL)) ?? Data(), as: UTF8.self)
            throw ServeTestError("no listening line from onoma serve; stderr: \(stderr)")
        }
        port = found
    }

    /// What the server wrote to standard error so far.
    var stderrText: String { String(decoding: (try? Data(contentsOf: stderrURL)) ?? Data(), as: UTF8.self) }

    /// Sends SIGTERM and waits for the process to end; returns its exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// One HTTP request to this server.
    func request(_ method: String, _ path: String, body: Data? = nil, chunked: Bool = false) throws -> HTTPReply {
        try HTTPClient.request(port: port, method: method, path: path, body: body, chunked: chunked)
    }

    /// A POST of `json` (text) to `path`.
    func post(_ path: String, _ json: String) throws -> HTTPReply { try request("POST", path, body: Data(json.utf8)) }

    /// Waits until the stderr holds `text` (at most `seconds`).
    func waitForStderr(_ text: String, seconds: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if stderrText.contains(text) { return true }
            usleep(20_000)
        }
        return false
    }
}

/// Runs `body` with a server over `gazetteer` (written to a scratch file) and stops it afterwards; the server must
/// exit 0 on SIGTERM.
func withServer(gazetteer: String, options: [String] = [], sourceLocation: SourceLocation = #_sourceLocation,
                _ body: (ServeProcess, String) throws -> Void) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let path = try scratch.write("gazetteer.jsonl", gazetteer)
    let server = try ServeProcess(["--no-default-gazetteer", "--gazetteer", path] + options, scratch: scratch)
    var stopped = false
    defer { if !stopped { server.stop() } }
    try body(server, path)
    stopped = true
    let status = server.stop()
    #expect(status == 0, "onoma serve exited \(status) on SIGTERM; stderr: \(server.stderrText)", sourceLocation: sourceLocation)
}

/// A test's own failure (no listening line, a socket that would not connect), with what happened.
struct ServeTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

// MARK: - A small HTTP/1.1 client

/// A response: status, headers (lower-cased names) and body.
struct HTTPReply {
    var status: Int
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
    /// The body parsed as a JSON object.
    func object(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any], "not a JSON object: \(text)",
                     sourceLocation: sourceLocation)
    }
    /// The `error.message` of an error body ("" if there is none).
    var errorMessage: String {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        return (object?["error"] as? [String: Any])?["message"] as? String ?? ""
    }
    /// The `error.status` of an error body.
    var errorStatus: Int? {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        return (object?["error"] as? [String: Any])?["status"] as? Int
    }
}

/// HTTP over a loopback TCP socket, one request per connection, written so that nothing the server does early (a
/// 413 before the body is read) can block the test: the body is sent from another thread while the response is read.
enum HTTPClient {
    static func request(port: Int, method: String, path: String, body: Data?, chunked: Bool) throws -> HTTPReply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServeTestError("socket: errno \(errno)") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ServeTestError("connect to port \(port): errno \(errno)") }

        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        var payload = Data()
        if let body {
            head += "Content-Type: application/json\r\n"
            if chunked {
                head += "Transfer-Encoding: chunked\r\n"
                var offset = 0
                while offset < body.count {
                    let piece = body[offset..<min(body.count, offset + 65_536)]
                    payload += Data((String(piece.count, radix: 16) + "\r\n").utf8) + piece + Data("\r\n".utf8)
                    offset += piece.count
                }
                payload += Data("0\r\n\r\n".utf8)
            } else {
                head += "Content-Length: \(body.count)\r\n"
                payload = body
            }
        }
        let bytes = Data((head + "\r\n").utf8) + payload
        let written = DispatchSemaphore(value: 0)
        let writer = Thread {
            defer { written.signal() }
            bytes.withUnsafeBytes { raw in
                var sent = 0
                while sent < raw.count {
                    #if os(Linux)
                    let n = send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                    #else
                    let n = send(fd, raw.baseAddress! + sent, raw.count - sent, 0)
                    #endif
                    if n <= 0 { return }
                    sent += n
                }
            }
        }
        writer.start()
        // The writer stops (its send fails) once the socket is shut down; only then may the descriptor be closed.
        defer { shutdown(fd, Int32(SHUT_RDWR)); written.wait() }

        // Read the head, then as many body bytes as Content-Length says (the connection stays open).
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        func readMore() throws {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { throw ServeTestError("connection ended after \(received.count) bytes: \(String(decoding: received, as: UTF8.self))") }
            received.append(contentsOf: buffer[0..<n])
        }
        let separator = Data("\r\n\r\n".utf8)
        while received.range(of: separator) == nil { try readMore() }
        let headEnd = received.range(of: separator)!
        let lines = String(decoding: received[..<headEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers = [String: String]()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        // A reply to HEAD states the length of the body a GET would get, and sends none.
        let length = method == "HEAD" ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        while received.count - headEnd.upperBound < length { try readMore() }
        let body = received[headEnd.upperBound..<(headEnd.upperBound + length)]
        return HTTPReply(status: status, headers: headers, body: Data(body))
    }
}

// MARK: - The tests

@Suite struct ServeCLITests {
    /// Invented people, places and organizations (none is a real entity or in an evaluation set).
    static let gazetteer = """
    {"id": "zorbin-quaylock", "name": "Zorbin Quaylock", "type": "person", "given": "Zorbin", "family": "Quaylock", "aliases": [{"text": "Zorbin Quailock", "kind": "deprecated"}], "roles": ["Harbour Commissioner"]}
    {"id": "orla-brannick", "name": "Orla Brannick", "type": "person", "given": "Orla", "family": "Brannick"}
    {"id": "brannick-foundry", "name": "Brannick Foundry Group", "type": "organization"}
    {"id": "velmora", "name": "Velmora", "type": "place", "aliases": [{"text": "Velmoria", "kind": "deprecated"}]}
    {"id": "dagny-velmora", "name": "Dagny Velmora", "type": "person", "given": "Dagny", "family": "Velmora"}
    {"id": "qiao-munan", "name": "Qiao Munan", "type": "person", "aliases": [{"text": "乔穆楠", "lang": "zh"}]}

    """

    static let paragraph = """
    Harbour Commissioner Zorbin Quaylok met Orla Branick in Velmoria on Tuesday.
    Later Quaylock said the Brannick Foundry Group would reopen the eastern docks.

    """

    /// The CLI's output for the same input, with the same gazetteer.
    static func cli(_ arguments: [String], gazetteer path: String, stdin: String) throws -> ToolRun {
        let run = try OnomaTool.run(arguments + ["--no-default-gazetteer", "--gazetteer", path], stdin: Data(stdin.utf8))
        #expect(run.status == 0, "onoma \(arguments.joined(separator: " ")): \(run.stderrText)")
        return run
    }

    @Test func healthzSaysWhatIsLoaded() throws {
        try withServer(gazetteer: Self.gazetteer) { server, _ in
            #expect(server.stderrText.hasPrefix("onoma serve: listening on http://127.0.0.1:\(server.port)\n"))
            let reply = try server.request("GET", "/healthz")
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"] == "application/json; charset=utf-8")
            let health = try reply.object()
            #expect(health["status"] as? String == "ok")
            #expect(health["entities"] as? Int == 6)
            #expect(health["generation"] as? Int == 1)
        }
    }

    @Test func normalizeOneTextAsTheCommandDoes() throws {
        try withServer(gazetteer: Self.gazetteer) { server, path in
            for mode in ["replace", "annotate"] {
                let reply = try server.post("/v1/normalize", "{\"text\": \(Self.quoted(Self.paragraph)), \"mode\": \"\(mode)\"}")
                #expect(reply.status == 200, "\(reply.text)")
                let scratch = try Scratch()
                defer { scratch.remove() }
                let report = scratch.path("report.jsonl")
                let run = try Self.cli(["normalize", "--mode", mode, "--report", report], gazetteer: path, stdin: Self.paragraph)
                #expect(try reply.object()["text"] as? String == run.stdoutText)
                // The mentions are byte for byte the report's lines: one writer for both.
                let lines = String(decoding: try scratch.read("report.jsonl"), as: UTF8.self).split(separator: "\n")
                #expect(lines.count >= 4)
                #expect(reply.text.hasSuffix(",\"mentions\":[" + lines.joined(separator: ",") + "]}\n"), "\(reply.text)")
            }
            let replaced = try server.post("/v1/normalize", "{\"text\": \(Self.quoted(Self.paragraph))}")
            #expect(try replaced.object()["text"] as? String == """
                Harbour Commissioner Zorbin Quaylock met Orla Brannick in Velmora on Tuesday.
                Later Quaylock said the Brannick Foundry Group would reopen the eastern docks.

                """)
        }
    }

    @Test func normalizeABatchGroupsPartsOfOneDocumentAsJSONLDoes() throws {
        let items = [
            #"{"id": 1, "document": "a", "text": "Zorbin Quaylock arrived."}"#,
            #"{"id": 2, "document": "a", "text": "Later, Quaylok spoke."}"#,
            #"{"id": 3, "document": "b", "text": "Later, Quaylok spoke."}"#,
            #"{"id": "four", "text": "Orla Branick left Velmoria."}"#,
        ]
        try withServer(gazetteer: Self.gazetteer) { server, path in
            let reply = try server.post("/v1/normalize", "{\"documents\": [\(items.joined(separator: ", "))]}")
            #expect(reply.status == 200, "\(reply.text)")
            let documents = try #require(try reply.object()["documents"] as? [[String: Any]])
            let run = try Self.cli(["normalize", "--input-format", "jsonl", "--doc-field", "document"], gazetteer: path,
                                   stdin: items.joined(separator: "\n") + "\n")
            let lines = try run.stdoutText.split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
            #expect(documents.count == 4 && lines.count == 4)
            for (served, printed) in zip(documents, lines) {
                #expect(NSDictionary(dictionary: served).isEqual(to: printed), "served \(served), printed \(printed)")
            }
            // The second part of document "a" has its antecedent; document "b" does not.
            #expect(documents[1]["text"] as? String == "Later, Quaylock spoke.")
            #expect(documents[2]["text"] as? String == "Later, Quaylok spoke.")
        }
    }

    @Test func matchRanksCandidatesAsExplainDoesAndFiltersByType() throws {
        try withServer(gazetteer: Self.gazetteer) { server, path in
            let reply = try server.post("/v1/match", #"{"name": "Velmora"}"#)
            #expect(reply.status == 200)
            let explain = try Self.cli(["explain", "Velmora", "--format", "json"], gazetteer: path, stdin: "")
            #expect(reply.text == explain.stdoutText)
            let all = try #require(try reply.object()["candidates"] as? [[String: Any]])
            #expect(Set(all.compactMap { $0["id"] as? String }) == ["velmora", "dagny-velmora"])
            for candidate in all {
                for key in ["id", "name", "score", "method", "explanation"] { #expect(candidate[key] != nil, "\(key)") }
            }

            let people = try server.post("/v1/match", #"{"name": "Velmora", "type": "person"}"#)
            let kept = try #require(try people.object()["candidates"] as? [[String: Any]])
            #expect(kept.compactMap { $0["id"] as? String } == ["dagny-velmora"])

            let context = "Harbour Commissioner Zorbin Quaylok spoke."
            let inContext = try server.post("/v1/match", "{\"name\": \"Zorbin Quaylok\", \"context\": \(Self.quoted(context)), \"limit\": 1}")
            let explained = try Self.cli(["explain", "Zorbin Quaylok", "--context", context, "--format", "json"], gazetteer: path, stdin: "")
            #expect(inContext.text == explained.stdoutText)
            #expect(try inContext.object()["status"] as? String == "resolved")
        }
    }

    @Test func entitiesByIdAndSearch() throws {
        try withServer(gazetteer: Self.gazetteer) { server, _ in
            let entity = try server.request("GET", "/v1/entities/velmora")
            #expect(entity.status == 200)
            let object = try entity.object()
            #expect(object["name"] as? String == "Velmora")
            #expect(object["type"] as? String == "place")
            #expect((object["aliases"] as? [[String: Any]])?.first?["text"] as? String == "Velmoria")

            let missing = try server.request("GET", "/v1/entities/no-such-entity")
            #expect(missing.status == 404)
            #expect(missing.errorStatus == 404)
            #expect(missing.errorMessage.contains("no-such-entity"))

            func ids(_ query: String) throws -> [String] {
                let reply = try server.request("GET", "/v1/entities?" + query)
                #expect(reply.status == 200, "\(reply.text)")
                let results = try #require(try reply.object()["results"] as? [[String: Any]])
                return results.compactMap { ($0["entity"] as? [String: Any])?["id"] as? String }
            }
            // A name prefix, a later word, a whole alias, a derived key (Wade-Giles of 乔穆楠), an id, a type.
            #expect(try ids("q=zorb") == ["zorbin-quaylock"])
            #expect(try ids("q=Quayl") == ["zorbin-quaylock"])
            #expect(try ids("q=Velmoria") == ["velmora"])
            #expect(try ids("q=Chiao+Mu-nan") == ["qiao-munan"])
            #expect(try ids("q=orla-brannick") == ["orla-brannick"])
            #expect(try ids("q=Brannick&type=organization") == ["brannick-foundry"])
            #expect(try ids("q=b&limit=1").count == 1)

            let noQuery = try server.request("GET", "/v1/entities")
            #expect(noQuery.status == 400)
            #expect(noQuery.errorMessage.contains("\"q\""))
            let badLimit = try server.request("GET", "/v1/entities?q=a&limit=many")
            #expect(badLimit.status == 400)
            #expect(badLimit.errorMessage.contains("limit"))
        }
    }

    @Test func badRequestsGetJSONErrorsThatSayWhatIsWrong() throws {
        try withServer(gazetteer: Self.gazetteer, options: ["--max-body", "64KiB"]) { server, _ in
            let invalid = try server.post("/v1/normalize", #"{"text": "Zorbin Quaylock",}"#)
            #expect(invalid.status == 400)
            #expect(invalid.errorStatus == 400)
            #expect(invalid.errorMessage.contains("not valid JSON"))
            #expect(invalid.errorMessage.contains("byte offset 27"), "\(invalid.errorMessage)")

            let cases: [(path: String, body: String, says: String)] = [
                ("/v1/normalize", "{}", "missing \"text\""),
                ("/v1/normalize", #"{"text": 7}"#, "\"text\" must be a string, not a number"),
                ("/v1/normalize", #"{"text": "x", "mode": "loud"}"#, "\"mode\" must be one of replace, annotate"),
                ("/v1/normalize", #"{"text": "x", "txt": "y"}"#, "unknown member \"txt\""),
                ("/v1/normalize", #"{"documents": [{"id": 1}]}"#, "documents[0].text"),
                ("/v1/normalize", "[1]", "must be a JSON object, not an array"),
                ("/v1/match", #"{"context": "x"}"#, "missing \"name\""),
                ("/v1/match", #"{"name": "x", "type": "planet"}"#, "\"type\" must be one of person, organization, place, other"),
            ]
            for (path, body, says) in cases {
                let reply = try server.post(path, body)
                #expect(reply.status == 400, "\(path) \(body): \(reply.text)")
                #expect(reply.errorMessage.contains(says), "\(path) \(body): \(reply.errorMessage)")
            }

            let notUTF8 = try server.request("POST", "/v1/normalize", body: Data([0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]))
            #expect(notUTF8.status == 400)
            #expect(notUTF8.errorMessage.contains("not UTF-8"))

            // Larger than --max-body: declared by Content-Length, and sent in chunks without a length.
            let big = Data(("{\"text\": \"" + String(repeating: "Quaylock ", count: 10_000) + "\"}").utf8)
            for chunked in [false, true] {
                let tooLarge = try server.request("POST", "/v1/normalize", body: big, chunked: chunked)
                #expect(tooLarge.status == 413, "chunked \(chunked): \(tooLarge.text)")
                #expect(tooLarge.errorStatus == 413)
                #expect(tooLarge.errorMessage.contains("65536 bytes"))
            }

            let unknownRoute = try server.request("GET", "/v2/nothing")
            #expect(unknownRoute.status == 404)
            #expect(unknownRoute.errorMessage.contains("/v2/nothing"))
            let wrongMethod = try server.request("GET", "/v1/normalize")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.headers["allow"] == "POST")
            let trace = try server.request("TRACE", "/v1/entities/velmora")
            #expect(trace.status == 405)
            #expect(trace.headers["allow"] == "GET")
            // HEAD is answered wherever GET is, with GET's status and headers and no body.
            let head = try server.request("HEAD", "/v1/entities/velmora")
            let get = try server.request("GET", "/v1/entities/velmora")
            #expect(head.status == 200 && get.status == 200)
            #expect(head.body.isEmpty && head.headers["content-length"] == get.headers["content-length"])
            #expect(try server.request("HEAD", "/healthz").status == 200)
            #expect(try server.request("HEAD", "/v1/entities/nobody").status == 404)
            let headOfPost = try server.request("HEAD", "/v1/match")
            #expect(headOfPost.status == 405 && headOfPost.headers["allow"] == "POST")
            // The server still answers after all that.
            #expect(try server.request("GET", "/healthz").status == 200)
        }
    }

    @Test func sighupReloadsAChangedGazetteerWhileRequestsKeepSucceeding() throws {
        try withServer(gazetteer: Self.gazetteer) { server, path in
            let newcomer = "Ilsa Drummarck"
            #expect(try server.request("GET", "/v1/entities/ilsa-drummarck").status == 404)

            // A request loop that runs through both reloads; every request must succeed. Its state is shared with
            // the test's thread under the lock.
            final class Loop: @unchecked Sendable {
                let lock = NSLock()
                var running = true
                var done = 0
                var failures = [String]()
            }
            let loop = Loop()
            let port = server.port
            let requester = Thread {
                let body = Data(#"{"text": "Harbour Commissioner Zorbin Quaylok met Orla Branick."}"#.utf8)
                let deadline = Date().addingTimeInterval(240)
                while loop.lock.withLock({ loop.running }) && Date() < deadline {
                    do {
                        let reply = try HTTPClient.request(port: port, method: "POST", path: "/v1/normalize", body: body, chunked: false)
                        let ok = reply.status == 200 && reply.text.contains("Zorbin Quaylock met Orla Brannick")
                        loop.lock.withLock {
                            loop.done += 1
                            if !ok { loop.failures.append("\(reply.status) \(reply.text)") }
                        }
                    } catch {
                        loop.lock.withLock { loop.failures.append("\(error)") }
                    }
                }
            }
            requester.start()
            defer { loop.lock.withLock { loop.running = false } }

            // A changed file: reloaded, and the new entity is served.
            let changed = Self.gazetteer + #"{"id": "ilsa-drummarck", "name": "Ilsa Drummarck", "type": "person", "given": "Ilsa", "family": "Drummarck"}"# + "\n"
            try Data(changed.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            kill(server.process.processIdentifier, SIGHUP)
            #expect(server.waitForStderr("reloaded the gazetteers on SIGHUP: 7 entities (generation 2)"), "\(server.stderrText)")
            #expect(try server.request("GET", "/healthz").object()["generation"] as? Int == 2)
            #expect(try server.request("GET", "/v1/entities/ilsa-drummarck").status == 200)
            let rewritten = try server.post("/v1/normalize", #"{"text": "Ilsa Drumarck arrived."}"#)
            #expect(try rewritten.object()["text"] as? String == "\(newcomer) arrived.")

            // A broken file: the reload fails, is reported, and the last good engine keeps answering.
            try Data((changed + "this line is not JSON\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            kill(server.process.processIdentifier, SIGHUP)
            #expect(server.waitForStderr("reload on SIGHUP failed, still serving generation 2"), "\(server.stderrText)")
            #expect(server.stderrText.contains("gazetteer.jsonl:8"))
            #expect(try server.request("GET", "/healthz").object()["generation"] as? Int == 2)
            #expect(try server.request("GET", "/v1/entities/ilsa-drummarck").status == 200)

            // Let the loop make a few more requests on the kept engine, then stop it.
            let before = loop.lock.withLock { loop.done }
            let deadline = Date().addingTimeInterval(60)
            while loop.lock.withLock({ loop.done }) < before + 3 && Date() < deadline { usleep(20_000) }
            loop.lock.withLock { loop.running = false }
            while !requester.isFinished { usleep(10_000) }
            let (done, failures) = loop.lock.withLock { (loop.done, loop.failures) }
            #expect(done >= before + 3)
            #expect(failures.isEmpty, "\(failures.prefix(3))")
        }
    }

    @Test func aBadGazetteerAtStartFailsTheCommand() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("broken.jsonl", Self.gazetteer + "{\"id\": \"no-name\"}\n")
        let run = try OnomaTool.run(["serve", "--port", "0", "--no-default-gazetteer", "--gazetteer", path])
        #expect(run.status == 1)
        #expect(run.stderrText.contains("broken.jsonl:7"), "\(run.stderrText)")
        #expect(!run.stderrText.contains("listening"))
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed]), as: UTF8.self)
            .dropFirst().dropLast().description
    }
}
