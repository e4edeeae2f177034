import Foundation
import PlexusCore

/// The plain format: one `{"request": …, "response": …}` pair per line, as OpenAI's chat
/// completions API takes and gives them (Anthropic's and Gemini's bodies are read too), with
/// optional `id`, `timestamp` (default: the response's `created`), `latency_ms`, `provider`,
/// `cost_usd` and `metadata`.
public struct OpenAIExchangeFormat: LogFormat {
    public let name = "openai-jsonl"

    public init() {}

    public func entry(from record: JSONValue) throws(LogRecordProblem) -> LogEntry {
        guard let object = record.objectValue else { throw LogRecordProblem(field: "line", message: "each line is a JSON object with request and response") }
        let fields = LogRecordFields(record: object)
        guard let request = fields.value("request"), request.objectValue != nil else {
            throw LogRecordProblem(field: "request", message: "is missing; each line needs the request that was sent")
        }
        guard let time = try fields.date("timestamp", "created_at", "response.created") else {
            throw LogRecordProblem(field: "timestamp", message: "is missing, and the response has no 'created' time")
        }
        var entry = LogEntry(source: name, timestamp: time, original: record)
        entry.externalId = fields.string("id", "response.id")
        entry.provider = fields.string("provider")
        let signals = ChatExchangeReader.read(request: request, response: fields.value("response"), into: &entry)
        entry.latencyMilliseconds = try fields.number("latency_ms")
        entry.statusCode = try fields.int("status_code")
        entry.success = entry.statusCode.map { (200 ..< 300).contains($0) } ?? (fields.value("error") == nil)
        if let cost = try fields.number("cost_usd") {
            guard cost.isFinite, let decimal = Decimal(string: "\(cost)") else { throw LogRecordProblem(field: "cost_usd", message: "\(cost) is not a cost") }
            entry.costUSD = decimal
        }
        entry.metadata = try PortkeyLogFormat.metadata(fields.value("metadata"))
        entry.replayable = !entry.messages.isEmpty
        entry.refusal = RefusalDetector().detect(entry, signals: signals)
        return entry
    }
}
