import Hummingbird
import Onoma

/// A request the service refuses, with the HTTP status and a message that names what is wrong. Sent as
/// `{"error": {"status": 400, "message": "…"}}` (the shape of every error the service returns, see
/// openapi/onoma.yaml).
public struct ServiceError: Error, HTTPResponseError, CustomStringConvertible, Sendable {
    public let status: HTTPResponse.Status
    public let message: String
    /// Extra response headers (`Allow` on a 405).
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// 400: the request is not what the route takes.
    static func badRequest(_ message: String) -> ServiceError { ServiceError(.badRequest, message) }

    public var description: String { "\(status.code) \(message)" }

    /// The error body.
    var json: JSONValue {
        .object([JSONMember(key: "error", value: .object([
            JSONMember(key: "status", value: .number(String(status.code))),
            JSONMember(key: "message", value: .string(message)),
        ]))])
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.make(json, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}

/// Responses whose body is JSON written by the library's `JSONWriter`, so that the service writes mentions and
/// explanations byte for byte as the command line does.
enum JSONResponse {
    /// `value` as an `application/json` response (UTF-8, one line and a line feed).
    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        let text = JSONWriter.serialize(value) + "\n"
        return Response(status: status,
                        headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
