import Foundation
import PlexusCore

/// A line of a Portkey logs export (JSON Lines), in both spellings Portkey's documents use
/// (`ai_org` or `ai_provider`, `req_units` or `request_tokens`, `res_units` or
/// `response_tokens`, `is_success` as 1/0 or a boolean, metadata as an object or as key/value
/// pairs). Portkey's `cost` is in US cents; the entry keeps dollars. A line without request and
/// response bodies (logged with "do not track") is kept and marked not replayable. Statuses 246
/// and 446 are guardrail outcomes: checks failed but the call went on, and the call denied.
public struct PortkeyLogFormat: LogFormat {
    public let name = "portkey"

    public init() {}

    public func entry(from record: JSONValue) throws(LogRecordProblem) -> LogEntry {
        guard let object = record.objectValue else { throw LogRecordProblem(field: "line", message: "a Portkey log line is a JSON object") }
        let fields = LogRecordFields(record: object)
        guard let time = try fields.date("created_at", "time_of_generation", "timestamp") else {
            throw LogRecordProblem(field: "created_at", message: "is missing; every Portkey log line has the time of its request")
        }
        var entry = LogEntry(source: name, timestamp: time, original: record)
        entry.externalId = fields.string("id", "log_id", "request_id")
        entry.traceId = fields.string("trace_id")
        entry.spanId = fields.string("span_id")
        entry.parentSpanId = fields.string("parent_span_id")
        entry.provider = fields.string("ai_org", "ai_provider", "provider")
        entry.requestedModel = fields.string("ai_model", "model")
        let request = try Self.body(fields, "request.body", "request_body")
        let response = try Self.body(fields, "response.body", "response_body")
        let signals = ChatExchangeReader.read(request: request, response: response, into: &entry)
        // Portkey's own token counts are what was billed, so they win over the body's.
        entry.usage.inputTokens = try fields.int("req_units", "request_tokens", "prompt_tokens") ?? entry.usage.inputTokens
        entry.usage.outputTokens = try fields.int("res_units", "response_tokens", "completion_tokens") ?? entry.usage.outputTokens
        if let cents = try fields.number("cost") {
            if let currency = fields.string("cost_currency"), currency.uppercased() != "USD" {
                throw LogRecordProblem(field: "cost_currency", message: "is \(currency); Portkey costs are read as US cents")
            }
            // The number's shortest decimal form, divided by 100 exactly.
            guard cents.isFinite, let decimal = Decimal(string: "\(cents)") else {
                throw LogRecordProblem(field: "cost", message: "\(cents) is not a cost")
            }
            entry.costUSD = decimal / 100
        }
        entry.latencyMilliseconds = try fields.number("response_time", "latency_ms", "latency")
        entry.statusCode = try fields.int("response_status_code", "status_code", "status")
        switch entry.statusCode {
        case 246?: entry.guardrailOutcome = "failed"
        case 446?: entry.guardrailOutcome = "denied"
        default: break
        }
        entry.success = try fields.flag("is_success") ?? entry.statusCode.map { (200 ..< 300).contains($0) } ?? true
        entry.cacheStatus = fields.string("cache_status")
        entry.promptSlug = fields.string("prompt_slug")
        entry.promptVersion = fields.string("prompt_version", "prompt_version_id")
        entry.metadata = try Self.metadata(fields.value("metadata"))
        entry.replayable = !entry.messages.isEmpty
        entry.refusal = RefusalDetector().detect(entry, signals: signals)
        return entry
    }

    /// A body as an object, or as a JSON string holding one.
    private static func body(_ fields: LogRecordFields, _ names: String...) throws(LogRecordProblem) -> JSONValue? {
        for name in names {
            guard let value = fields.value(name) else { continue }
            if case let .string(text) = value {
                guard !text.isEmpty else { return nil }
                do {
                    return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
                } catch {
                    throw LogRecordProblem(field: name, message: "is a string that is not JSON")
                }
            }
            return value
        }
        return nil
    }

    /// Metadata as an object, a JSON string holding one, or a list of `{"key","value"}` pairs.
    static func metadata(_ value: JSONValue?) throws(LogRecordProblem) -> [String: JSONValue] {
        switch value {
        case nil, .null?: return [:]
        case let .object(members)?: return members
        case let .string(text)?:
            guard let decoded = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)), let members = decoded.objectValue else {
                throw LogRecordProblem(field: "metadata", message: "is a string that is not a JSON object")
            }
            return members
        case let .array(pairs)?:
            var members: [String: JSONValue] = [:]
            for (index, pair) in pairs.enumerated() {
                if let object = pair.objectValue, let key = object["key"]?.stringValue {
                    members[key] = object["value"] ?? .null
                } else if let items = pair.arrayValue, items.count == 2, let key = items[0].stringValue {
                    members[key] = items[1]
                } else {
                    throw LogRecordProblem(field: "metadata[\(index)]", message: "is not a {\"key\",\"value\"} pair")
                }
            }
            return members
        default:
            throw LogRecordProblem(field: "metadata", message: "is neither an object nor a list of key/value pairs")
        }
    }
}
