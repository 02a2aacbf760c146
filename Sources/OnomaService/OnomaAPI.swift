import Foundation
import Onoma

/// What each route does, apart from HTTP: a request's JSON (or query) in, the response's JSON out, or a
/// `ServiceError`. Mentions and explanations are written by the library (`MentionJSON`, `ExplanationJSON`,
/// `EntityJSON`), so the service and the command line share one format. The shapes are in openapi/onoma.yaml.
enum OnomaAPI {
    /// The most candidates `/v1/match` and results `/v1/entities` return.
    static let maximumLimit = 100
    /// How many they return without `limit`.
    static let defaultLimit = 10

    // MARK: POST /v1/normalize

    /// Normalizes one text (`{"text": …}`) or a batch (`{"documents": [{"id": …, "document": …, "text": …}, …]}`),
    /// in `mode` (`replace` by default, or `annotate`).
    ///
    /// In a batch, consecutive items with the same `document` value are parts of one document, as consecutive lines
    /// with the same `--doc-field` value are in the command's JSONL mode: a full name in one part supports a family
    /// name alone in the next. An item without `document` is a document of its own.
    static func normalize(_ body: [UInt8], engine: Engine) throws(ServiceError) -> JSONValue {
        let request = try RequestFields.body(body, allowed: ["text", "documents", "mode"])
        let mode = try request.choice("mode", RewriteMode.self) ?? .replace
        switch (request.has("text"), request.has("documents")) {
        case (true, true):
            throw .badRequest("give either \"text\" (one text) or \"documents\" (a batch), not both")
        case (false, false):
            throw .badRequest("missing \"text\" (a string) or \"documents\" (an array of {\"text\": …} objects)")
        case (true, false):
            let result = engine.normalize(try request.requiredString("text"), mode: mode)
            return .object([JSONMember(key: "text", value: .string(result.text)), mentions(result)])
        case (false, true):
            let items = try request.array("documents") ?? []
            // Read every item before normalizing any: a bad item fails the batch before work is spent on it.
            let parts = try items.enumerated().map { index, item throws(ServiceError) in
                let fields = try RequestFields(item, at: "documents[\(index)]", allowed: ["id", "document", "text"])
                return (id: try fields.identifier("id"), document: try fields.identifier("document"),
                        text: try fields.requiredString("text"))
            }
            var context = DocumentContext()
            var out = [JSONValue]()
            for part in parts {
                // The same rule as JSONLNormalizer's document field: the key is the value's JSON text.
                let key = part.document.map(JSONWriter.serialize)
                if key != context.key || key == nil { context = DocumentContext(key: key) }
                let result = engine.normalize(part.text, mode: mode, context: &context)
                var members = [JSONMember]()
                if let id = part.id { members.append(JSONMember(key: "id", value: id)) }
                if let document = part.document { members.append(JSONMember(key: "document", value: document)) }
                members.append(JSONMember(key: "text", value: .string(result.text)))
                members.append(mentions(result))
                out.append(.object(members))
            }
            return .object([JSONMember(key: "documents", value: .array(out))])
        }
    }

    /// The `mentions` member: each mention as `MentionJSON` writes it for the command's JSONL mode.
    private static func mentions(_ result: NormalizationResult) -> JSONMember {
        JSONMember(key: "mentions", value: .array(result.mentions.map { MentionJSON.object($0) }))
    }

    // MARK: POST /v1/match

    /// The candidates for one name (`{"name": …, "context": …, "type": …, "limit": …}`), ranked, as
    /// `onoma explain --format json` writes them: the decision (`status`, `replacement`, `reason`) is the engine's
    /// over every entity; `candidates` keeps those of `type` (if given), at most `limit`.
    static func match(_ body: [UInt8], engine: Engine) throws(ServiceError) -> JSONValue {
        let request = try RequestFields.body(body, allowed: ["name", "context", "type", "limit"])
        let name = try request.requiredString("name")
        guard !name.allSatisfy(\.isWhitespace) else { throw .badRequest("\"name\" must not be empty") }
        let context = try request.string("context")
        let type = try request.choice("type", EntityType.self)
        let limit = try request.integer("limit", in: 1...maximumLimit) ?? defaultLimit
        var explanation = engine.explain(name, context: context)
        if var mention = explanation.mention {
            if let type { mention.candidates.removeAll { engine.entities[$0.entityIndex].type != type } }
            mention.candidates = Array(mention.candidates.prefix(limit))
            explanation.mention = mention
        }
        return ExplanationJSON.object(explanation)
    }

    // MARK: GET /v1/entities/{id}, GET /v1/entities?q=

    /// The entity with `id` as `EntityJSON` writes it, or 404.
    static func entity(_ id: String, in snapshot: EngineStore.Snapshot) throws(ServiceError) -> JSONValue {
        guard let index = snapshot.catalog.byID[id] else {
            throw ServiceError(.notFound, "no entity with id \(JSONWriter.quote(id))")
        }
        return EntityJSON.object(snapshot.engine.entities[index])
    }

    /// Entities found by `q` (see `EntityCatalog.search`), from the query parameters `q`, `limit` and `type`.
    static func search(_ parameters: [(key: String, value: String)], in snapshot: EngineStore.Snapshot) throws(ServiceError) -> JSONValue {
        var q: String?, limit = defaultLimit, type: EntityType?
        var seen = Set<String>()
        for (key, value) in parameters {
            guard seen.insert(key).inserted else { throw .badRequest("query parameter \"\(key)\" appears more than once") }
            switch key {
            case "q": q = value
            case "limit":
                guard let number = Int(value), (1...maximumLimit).contains(number) else {
                    throw .badRequest("query parameter \"limit\" must be an integer from 1 to \(maximumLimit), not \(JSONWriter.quote(value))")
                }
                limit = number
            case "type":
                guard let choice = EntityType(rawValue: value) else {
                    throw .badRequest("query parameter \"type\" must be one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")), not \(JSONWriter.quote(value))")
                }
                type = choice
            default:
                throw .badRequest("unknown query parameter \(JSONWriter.quote(key)) (known: q, limit, type)")
            }
        }
        guard let q, !q.allSatisfy(\.isWhitespace) else {
            throw .badRequest("missing query parameter \"q\": a name, an alias, the start of one, or an id (GET /v1/entities?q=…)")
        }
        let hits = snapshot.catalog.search(q, type: type, limit: limit, engine: snapshot.engine)
        return .object([
            JSONMember(key: "query", value: .string(q)),
            JSONMember(key: "results", value: .array(hits.map { hit in
                var match = [JSONMember(key: "kind", value: .string(hit.kind.rawValue)),
                             JSONMember(key: "text", value: .string(hit.text))]
                if let part = hit.part { match.append(JSONMember(key: "part", value: .string(part))) }
                return .object([JSONMember(key: "match", value: .object(match)),
                                JSONMember(key: "entity", value: EntityJSON.object(snapshot.engine.entities[hit.entity]))])
            })),
        ])
    }

    // MARK: GET /healthz

    /// That the service answers, with the engine it answers with.
    static func health(_ snapshot: EngineStore.Snapshot, version: String) -> JSONValue {
        .object([
            JSONMember(key: "status", value: .string("ok")),
            JSONMember(key: "version", value: .string(version)),
            JSONMember(key: "entities", value: .number(String(snapshot.engine.entities.count))),
            JSONMember(key: "generation", value: .number(String(snapshot.generation))),
            JSONMember(key: "loaded_at", value: .string(ISO8601DateFormatter().string(from: snapshot.loadedAt))),
        ])
    }
}
