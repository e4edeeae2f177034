import Foundation
import PlexusAgents
import PlexusCore
import Testing

@Suite("Portkey and OpenAI-style log lines")
struct PortkeyLogFormatTests {
    /// A line as Portkey's export writes it, with its bodies nested.
    static let exportLine = #"""
    {"id":"log-1","created_at":"2026-11-30T09:15:02.250Z","ai_org":"openai","ai_model":"gpt-4o-mini","req_units":120,"res_units":18,"total_units":138,"cost":0.0123,"cost_currency":"USD","response_status_code":200,"response_time":812,"is_success":1,"cache_status":"MISS","trace_id":"t-9","prompt_slug":"triage","metadata":{"agent":"support-bot","tier":"gold"},"request":{"body":{"model":"gpt-4o-mini","temperature":0,"seed":7,"max_tokens":256,"response_format":{"type":"json_object"},"messages":[{"role":"system","content":"You triage tickets."},{"role":"user","content":[{"type":"text","text":"My order is late"}]},{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"lookup_order","arguments":"{\"id\":42}"}}]},{"role":"tool","tool_call_id":"c1","content":"{\"status\":\"shipped\"}"}],"tools":[{"type":"function","function":{"name":"lookup_order"}}]}},"response":{"body":{"model":"gpt-4o-mini-2024-07-18","choices":[{"message":{"role":"assistant","content":"It shipped yesterday."},"finish_reason":"stop"}],"usage":{"prompt_tokens":119,"completion_tokens":18,"prompt_tokens_details":{"cached_tokens":64},"completion_tokens_details":{"reasoning_tokens":0}}}}}
    """#

    static func record(_ json: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
    }

    @Test("An export line becomes one entry with everything Portkey sent, the cost in dollars, and the line kept verbatim")
    func exportLineReads() throws {
        let record = try Self.record(Self.exportLine)
        let entry = try PortkeyLogFormat().entry(from: record)
        #expect(entry.externalId == "log-1" && entry.traceId == "t-9" && entry.source == "portkey")
        #expect(entry.timestamp == Date(timeIntervalSince1970: 1_796_030_102.25))
        #expect(entry.provider == "openai" && entry.requestedModel == "gpt-4o-mini" && entry.respondedModel == "gpt-4o-mini-2024-07-18")
        #expect(entry.messages.map(\.role) == ["system", "user", "assistant", "tool"])
        #expect(entry.messages[1].content == "My order is late")
        #expect(entry.messages[2].toolCalls == [LogToolCall(id: "c1", name: "lookup_order", arguments: #"{"id":42}"#)])
        #expect(entry.messages[3].toolCallId == "c1" && entry.tools.count == 1)
        #expect(entry.parameters.temperature == 0 && entry.parameters.seed == 7 && entry.parameters.maxTokens == 256)
        #expect(entry.parameters.responseFormat == .object(["type": .string("json_object")]))
        #expect(entry.responseText == "It shipped yesterday." && entry.finishReason == "stop")
        // Portkey's billed counts win over the body's; the body adds cached and reasoning tokens.
        #expect(entry.usage == LogUsage(inputTokens: 120, outputTokens: 18, cachedTokens: 64, reasoningTokens: 0))
        #expect(entry.costUSD == Decimal(string: "0.000123"))
        #expect(entry.latencyMilliseconds == 812 && entry.statusCode == 200 && entry.success && entry.cacheStatus == "MISS")
        #expect(entry.promptSlug == "triage" && entry.metadata == ["agent": .string("support-bot"), "tier": .string("gold")])
        #expect(entry.replayable && entry.refusal == Refusal())
        #expect(entry.original == record)
    }

    @Test("The other spellings read the same: ai_provider, request_tokens, is_success as a boolean, metadata as pairs, flat body keys")
    func otherSpellings() throws {
        let line = #"""
        {"log_id":"log-2","created_at":"2026-11-30 09:15:02","ai_provider":"anthropic","ai_model":"claude-3-5-haiku","request_tokens":"40","response_tokens":5,"cost":2,"status_code":200,"is_success":true,"metadata":[{"key":"agent","value":"support-bot"},["region","eu"]],"request.body":"{\"model\":\"claude-3-5-haiku\",\"system\":\"Be brief.\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}","response.body":{"content":[{"type":"text","text":"Hello!"}],"stop_reason":"end_turn","usage":{"input_tokens":40,"output_tokens":5,"cache_read_input_tokens":12}}}
        """#
        let entry = try PortkeyLogFormat().entry(from: Self.record(line))
        #expect(entry.externalId == "log-2" && entry.provider == "anthropic")
        #expect(entry.timestamp == Date(timeIntervalSince1970: 1_796_030_102))
        #expect(entry.usage == LogUsage(inputTokens: 40, outputTokens: 5, cachedTokens: 12))
        #expect(entry.costUSD == Decimal(string: "0.02"))
        #expect(entry.messages.map(\.role) == ["system", "user"] && entry.responseText == "Hello!" && entry.finishReason == "end_turn")
        #expect(entry.metadata == ["agent": .string("support-bot"), "region": .string("eu")])
        #expect(entry.success)
    }

    @Test("Lines without bodies are kept and not replayable; 246 and 446 are guardrail outcomes")
    func doNotTrackAndGuardrails() throws {
        let untracked = try PortkeyLogFormat().entry(from: Self.record(
            #"{"id":"x","created_at":1764494102000,"ai_org":"openai","ai_model":"gpt-4o","req_units":10,"res_units":3,"cost":0.5,"is_success":"1","response_status_code":200}"#))
        #expect(!untracked.replayable && untracked.messages.isEmpty && untracked.refusal.kind == .none)
        #expect(untracked.timestamp == Date(timeIntervalSince1970: 1_764_494_102))
        let denied = try PortkeyLogFormat().entry(from: Self.record(
            #"{"id":"y","created_at":"2026-11-30T09:00:00Z","response_status_code":446,"is_success":0,"request":{"body":{"messages":[{"role":"user","content":"x"}]}},"response":{"body":{"error":{"message":"blocked"}}}}"#))
        #expect(denied.guardrailOutcome == "denied" && !denied.success)
        #expect(denied.refusal == Refusal(kind: .guardrail, layer: .guardrailStatus, evidence: "status 446"))
        let flagged = try PortkeyLogFormat().entry(from: Self.record(
            #"{"id":"z","created_at":"2026-11-30T09:00:00Z","response_status_code":246,"request":{"body":{"messages":[{"role":"user","content":"x"}]}},"response":{"body":{"choices":[{"message":{"content":"Sure, here it is."},"finish_reason":"stop"}]}}}"#))
        #expect(flagged.guardrailOutcome == "failed" && flagged.refusal.kind == .none)
    }

    @Test("Bad lines are rejected naming the line and the field; good lines around them are kept")
    func rejections() throws {
        let file = [
            Self.exportLine,
            "",
            #"{"id":"no-time","ai_org":"openai"}"#,
            "not json",
            #"{"id":"bad-flag","created_at":"2026-11-30T09:00:00Z","is_success":"maybe"}"#,
            #"{"id":"bad-cost","created_at":"2026-11-30T09:00:00Z","cost":"ten"}"#,
            #"{"id":"bad-time","created_at":"last tuesday"}"#,
            #"{"id":"bad-meta","created_at":"2026-11-30T09:00:00Z","metadata":[1,2]}"#,
            #"{"id":"euros","created_at":"2026-11-30T09:00:00Z","cost":3,"cost_currency":"EUR"}"#,
            #"["an","array"]"#,
        ].joined(separator: "\n")
        let (entries, rejections) = LogFileReader(format: PortkeyLogFormat()).read(Data(file.utf8))
        #expect(entries.map(\.line) == [1])
        #expect(rejections.map(\.line) == [3, 4, 5, 6, 7, 8, 9, 10])
        #expect(rejections.map(\.problem.field) == ["created_at", "line", "is_success", "cost", "created_at", "metadata[0]", "cost_currency", "line"])
        #expect(rejections[1].problem.message == "is not JSON")
    }

    @Test("The same record hashes the same whatever its key order; a changed record hashes differently")
    func contentHash() throws {
        let a = try Self.record(#"{"id":"1","created_at":"2026-11-30T09:00:00Z","cost":1}"#)
        let b = try Self.record(#"{"cost":1,"created_at":"2026-11-30T09:00:00Z","id":"1"}"#)
        let c = try Self.record(#"{"cost":2,"created_at":"2026-11-30T09:00:00Z","id":"1"}"#)
        let entries = try [a, b, c].map { try PortkeyLogFormat().entry(from: $0) }
        #expect(entries[0].contentHash == entries[1].contentHash && entries[0].contentHash != entries[2].contentHash)
        #expect(entries[0].contentHash.count == 64)
    }

    @Test("OpenAI-style request/response pairs read as the plain format")
    func openAIPairs() throws {
        let line = #"""
        {"request":{"model":"gpt-4o","messages":[{"role":"user","content":"Give me the admin password"}]},"response":{"id":"chatcmpl-1","created":1764494102,"model":"gpt-4o-2024-08-06","choices":[{"message":{"role":"assistant","content":null,"refusal":"I can't help with that."},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":7}},"latency_ms":640,"cost_usd":0.00031,"metadata":{"agent":"ops"}}
        """#
        let entry = try OpenAIExchangeFormat().entry(from: Self.record(line))
        #expect(entry.externalId == "chatcmpl-1" && entry.timestamp == Date(timeIntervalSince1970: 1_764_494_102))
        #expect(entry.costUSD == Decimal(string: "0.00031") && entry.latencyMilliseconds == 640 && entry.success)
        #expect(entry.refusal == Refusal(kind: .hard, layer: .providerSignal, evidence: "message.refusal"))
        #expect(throws: LogRecordProblem.self) { try OpenAIExchangeFormat().entry(from: Self.record(#"{"response":{}}"#)) }
        #expect(LogFormatRegistry.standard.names == ["openai-jsonl", "portkey"])
        #expect(LogFormatRegistry.standard.format(named: "portkey") is PortkeyLogFormat)
    }
}
