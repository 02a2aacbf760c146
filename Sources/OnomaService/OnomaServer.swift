import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import Onoma
import ServiceLifecycle
import UnixSignals

/// How `onoma serve` listens and works.
public struct ServiceConfiguration: Sendable {
    /// The address to bind: a host name or an IPv4 or IPv6 address.
    public var host = "127.0.0.1"
    /// The TCP port; 0 lets the system pick a free one (the listening line says which).
    public var port = 8080
    /// The largest request body accepted, in bytes; a larger one is answered 413.
    public var maximumBodyBytes = 4 << 20
    /// Threads for engine work (normalize, match, search), kept off the event loops that read and write sockets.
    public var workerThreads = System.coreCount
    /// The version `/healthz` reports and the `Server` header carries.
    public var version = ""

    public init() {}
}

/// The HTTP service: the routes of openapi/onoma.yaml on Hummingbird, run until SIGTERM or SIGINT (graceful: requests
/// in flight are answered), reloading the gazetteers on SIGHUP.
public enum OnomaServer {
    /// Runs the service with `store`'s engine. `report` receives the lines an operator reads: once bound,
    /// `listening on http://HOST:PORT`; for each SIGHUP, the reload's outcome.
    public static func run(store: EngineStore, configuration: ServiceConfiguration,
                           report: @escaping @Sendable (String) -> Void) async throws {
        var logger = Logger(label: "onoma-serve") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = .warning
        let workers = NIOThreadPool(numberOfThreads: max(1, configuration.workerThreads))
        workers.start()
        // Reloads get a thread of their own, so that loading a gazetteer never waits behind requests or delays them.
        let reloads = NIOThreadPool(numberOfThreads: 1)
        reloads.start()
        // Trapped before the socket is bound: a SIGHUP sent as soon as the listening line shows must reload, not kill.
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let router = Routes(store: store, workers: workers, configuration: configuration, logger: logger).router()
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: "onoma/\(configuration.version)"),
            onServerRunning: { channel in
                report("listening on http://\(host):\(channel.localAddress?.port ?? configuration.port)")
            },
            logger: logger)
        let reloader = Reloader(store: store, pool: reloads, hangups: hangups, report: report)
        var group = ServiceGroupConfiguration(services: [app, reloader], gracefulShutdownSignals: [.sigterm, .sigint],
                                              logger: logger)
        group.maximumGracefulShutdownDuration = Duration.seconds(30)
        let outcome: Result<Void, any Error>
        do { try await ServiceGroup(configuration: group).run(); outcome = .success(()) } catch { outcome = .failure(error) }
        try? await workers.shutdownGracefully()
        try? await reloads.shutdownGracefully()
        try outcome.get()
    }
}

/// Reloads the gazetteers on each SIGHUP: builds a new engine on its own thread and swaps it in; a failure is
/// reported and the current engine kept.
struct Reloader: Service {
    let store: EngineStore
    let pool: NIOThreadPool
    let hangups: UnixSignalsSequence
    let report: @Sendable (String) -> Void

    func run() async throws {
        for await _ in hangups.cancelOnGracefulShutdown() {
            let store = self.store
            do {
                let snapshot = try await pool.runIfActive { try store.reload() }
                report("reloaded the gazetteers on SIGHUP: \(snapshot.engine.entities.count) entities (generation \(snapshot.generation))")
            } catch {
                report("reload on SIGHUP failed, still serving generation \(store.snapshot.generation): \(error)")
            }
        }
    }
}

/// The router: each route of openapi/onoma.yaml, with JSON errors (and a 405 for another method on its path).
struct Routes: Sendable {
    let store: EngineStore
    let workers: NIOThreadPool
    let configuration: ServiceConfiguration
    let logger: Logger

    /// Every route's path and method (one method a path): the 405 for another method names the one it takes.
    static let routes: [(path: String, method: HTTPRequest.Method)] = [
        ("/healthz", .get), ("/v1/normalize", .post), ("/v1/match", .post), ("/v1/entities", .get),
        ("/v1/entities/{id}", .get),
    ]

    func router() -> Router<BasicRequestContext> {
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: JSONErrorMiddleware(logger: logger, routes: Self.routes))
        let version = configuration.version
        router.get("/healthz") { _, _ in JSONResponse.make(OnomaAPI.health(store.snapshot, version: version)) }
        router.post("/v1/normalize") { request, _ in
            try await compute(request) { body, snapshot in try OnomaAPI.normalize(body, engine: snapshot.engine) }
        }
        router.post("/v1/match") { request, _ in
            try await compute(request) { body, snapshot in try OnomaAPI.match(body, engine: snapshot.engine) }
        }
        router.get("/v1/entities") { request, _ in
            let parameters = try QueryString.parameters(request.uri.query)
            let snapshot = store.snapshot
            return JSONResponse.make(try await workers.runIfActive { try OnomaAPI.search(parameters, in: snapshot) })
        }
        router.get("/v1/entities/{id}") { request, context in
            let raw = context.parameters.get("id") ?? ""
            guard let id = raw.removingPercentEncoding else {
                throw ServiceError.badRequest("the entity id in the path is not valid percent-encoding: \(JSONWriter.quote(raw))")
            }
            return JSONResponse.make(try OnomaAPI.entity(id, in: store.snapshot))
        }
        return router
    }

    /// Reads the request body (at most `maximumBodyBytes`), takes the current engine, and runs `work` on a worker
    /// thread: the event loops only move bytes.
    private func compute(_ request: Request,
                         _ work: @escaping @Sendable ([UInt8], EngineStore.Snapshot) throws -> JSONValue)
        async throws -> Response {
        let body = try await readBody(request)
        let snapshot = store.snapshot
        return JSONResponse.make(try await workers.runIfActive { try work(body, snapshot) })
    }

    /// The request body, refused with 413 when it is (or says it is) larger than the limit.
    private func readBody(_ request: Request) async throws -> [UInt8] {
        let limit = configuration.maximumBodyBytes
        let tooLarge = ServiceError(.contentTooLarge, "the request body is larger than the limit of \(limit) bytes (onoma serve --max-body)")
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw tooLarge }
        do {
            var buffer = try await request.body.collect(upTo: limit)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch is NIOTooManyBytesError {
            throw tooLarge
        }
    }
}

/// Turns every error a route or Hummingbird throws into the service's JSON error body: `ServiceError`s as they are,
/// Hummingbird's (404 for a path no route has) with a message naming the request, anything else as a 500 that is
/// logged.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger
    /// The routes' paths (`{name}` matches one path segment) and methods: a path that has a route for another
    /// method is answered 405 with `Allow`, whatever the method (TRACE and unknown ones too), not 404.
    let routes: [(path: String, method: HTTPRequest.Method)]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The router answers HEAD wherever GET is (RFC 9110 §9.3.2); an error reply to HEAD has no body either.
        let response = try await respond(request, context: context, next: next)
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func respond(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServiceError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            let segments = request.uri.path.split(separator: "/")
            guard let route = routes.first(where: { Self.path($0.path, matches: segments) }) else {
                return try ServiceError(.notFound, "no route for \(request.method) \(request.uri.path) (see openapi/onoma.yaml)")
                    .response(from: request, context: context)
            }
            var refusal = ServiceError(.methodNotAllowed, "\(request.method) is not allowed on \(request.uri.path) (only \(route.method))")
            refusal.headers[.allow] = route.method.rawValue
            return try refusal.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            let message = (error as? HTTPError)?.body ?? error.status.reasonPhrase
            return try ServiceError(error.status, message).response(from: request, context: context)
        } catch {
            logger.error("\(request.method) \(request.uri.path): \(error)")
            return try ServiceError(.internalServerError, "internal error: \(error)").response(from: request, context: context)
        }
    }

    /// Whether a route's path (`/v1/entities/{id}`) matches a request path's segments.
    static func path(_ pattern: String, matches segments: [Substring]) -> Bool {
        let parts = pattern.split(separator: "/")
        return parts.count == segments.count
            && zip(parts, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }
}

/// Query strings as forms write them (`application/x-www-form-urlencoded`): `&`-separated `name=value` pairs,
/// `+` for a space, percent-encoded UTF-8.
enum QueryString {
    /// The decoded pairs in order (a name without `=` has the empty value).
    static func parameters(_ query: String?) throws(ServiceError) -> [(key: String, value: String)] {
        guard let query, !query.isEmpty else { return [] }
        var out = [(key: String, value: String)]()
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) throws(ServiceError) -> String {
                guard let decoded = text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                    throw .badRequest("the query string is not valid percent-encoded UTF-8: \(JSONWriter.quote(String(pair)))")
                }
                return decoded
            }
            out.append((try decode(parts[0]), parts.count > 1 ? try decode(parts[1]) : ""))
        }
        return out
    }
}
