import Foundation
import PlexusCore

/// Reads a chat request and its response, in the wire formats providers and gateways log
/// (OpenAI's chat completions, Anthropic's messages, Gemini's generateContent), into a log
/// entry's conversation, parameters, answer, finish reason and usage.
enum ChatExchangeReader {
    /// Fills `entry` from `request` and `response` (either may be missing) and returns what the
    /// provider signalled about refusing.
    static func read(request: JSONValue?, response: JSONValue?, into entry: inout LogEntry) -> ProviderSignals {
        if let request = request?.objectValue { readRequest(request, into: &entry) }
        guard let response = response?.objectValue, !response.isEmpty else { return ProviderSignals(responseKept: false) }
        return readResponse(response, into: &entry)
    }

    private static func readRequest(_ request: [String: JSONValue], into entry: inout LogEntry) {
        entry.requestedModel = entry.requestedModel ?? request["model"]?.stringValue
        // Anthropic's system prompt sits beside the messages.
        if let system = text(of: request["system"]) { entry.messages.append(LogMessage(role: "system", content: system)) }
        if let system = request["systemInstruction"].flatMap(geminiText) { entry.messages.append(LogMessage(role: "system", content: system)) }
        for message in request["messages"]?.arrayValue ?? [] {
            guard let object = message.objectValue else { continue }
            entry.messages.append(LogMessage(
                role: object["role"]?.stringValue ?? "user", content: text(of: object["content"]),
                toolCalls: toolCalls(object["tool_calls"]), toolCallId: object["tool_call_id"]?.stringValue))
        }
        for content in request["contents"]?.arrayValue ?? [] {
            guard let object = content.objectValue else { continue }
            let role = object["role"]?.stringValue == "model" ? "assistant" : (object["role"]?.stringValue ?? "user")
            entry.messages.append(LogMessage(role: role, content: geminiText(content)))
        }
        entry.tools = request["tools"]?.arrayValue ?? []
        entry.parameters.temperature = request["temperature"]?.numberValue
        entry.parameters.topP = (request["top_p"] ?? request["topP"])?.numberValue
        entry.parameters.maxTokens = (request["max_completion_tokens"] ?? request["max_tokens"] ?? request["maxOutputTokens"])?.numberValue.map { Int($0) }
        entry.parameters.seed = request["seed"]?.numberValue.map { Int($0) }
        entry.parameters.responseFormat = request["response_format"]
    }

    private static func readResponse(_ response: [String: JSONValue], into entry: inout LogEntry) -> ProviderSignals {
        var signals = ProviderSignals()
        entry.respondedModel = response["model"]?.stringValue ?? response["modelVersion"]?.stringValue ?? entry.respondedModel
        if let choice = response["choices"]?.arrayValue?.first?.objectValue {
            // OpenAI.
            let message = choice["message"]?.objectValue ?? [:]
            entry.responseText = text(of: message["content"])
            entry.responseToolCalls = toolCalls(message["tool_calls"])
            entry.finishReason = choice["finish_reason"]?.stringValue
            signals.refusalText = message["refusal"]?.stringValue
        } else if let content = response["content"]?.arrayValue {
            // Anthropic: text blocks and tool_use blocks.
            let texts = content.compactMap { block -> String? in
                block.objectValue?["type"]?.stringValue == "text" ? block.objectValue?["text"]?.stringValue : nil
            }
            entry.responseText = texts.isEmpty ? nil : texts.joined()
            entry.responseToolCalls = content.compactMap { block in
                guard let object = block.objectValue, object["type"]?.stringValue == "tool_use", let name = object["name"]?.stringValue else { return nil }
                return LogToolCall(id: object["id"]?.stringValue, name: name, arguments: compactJSON(object["input"] ?? .object([:])))
            }
            entry.finishReason = response["stop_reason"]?.stringValue
        } else if let candidate = response["candidates"]?.arrayValue?.first {
            // Gemini.
            entry.responseText = candidate.objectValue?["content"].flatMap(geminiText)
            entry.finishReason = candidate.objectValue?["finishReason"]?.stringValue
        }
        signals.blockReason = response["promptFeedback"]?.objectValue?["blockReason"]?.stringValue
        if let usage = (response["usage"] ?? response["usageMetadata"])?.objectValue {
            entry.usage.inputTokens = int(usage["prompt_tokens"] ?? usage["input_tokens"] ?? usage["promptTokenCount"]) ?? entry.usage.inputTokens
            entry.usage.outputTokens = int(usage["completion_tokens"] ?? usage["output_tokens"] ?? usage["candidatesTokenCount"]) ?? entry.usage.outputTokens
            entry.usage.cachedTokens = int(usage["prompt_tokens_details"]?.objectValue?["cached_tokens"] ?? usage["cache_read_input_tokens"]
                ?? usage["cachedContentTokenCount"])
            entry.usage.reasoningTokens = int(usage["completion_tokens_details"]?.objectValue?["reasoning_tokens"] ?? usage["thoughtsTokenCount"])
        }
        return signals
    }

    /// A message's text: a string, or the text parts of a list of content parts.
    static func text(of content: JSONValue?) -> String? {
        switch content {
        case let .string(value)?: return value
        case let .array(parts)?:
            let texts = parts.compactMap { part -> String? in
                if case let .string(value) = part { return value }
                return part.objectValue?["text"]?.stringValue
            }
            return texts.isEmpty ? nil : texts.joined(separator: "\n")
        default: return nil
        }
    }

    private static func geminiText(_ content: JSONValue) -> String? {
        let texts = content.objectValue?["parts"]?.arrayValue?.compactMap { $0.objectValue?["text"]?.stringValue } ?? []
        return texts.isEmpty ? nil : texts.joined()
    }

    private static func toolCalls(_ value: JSONValue?) -> [LogToolCall] {
        (value?.arrayValue ?? []).compactMap { call in
            guard let object = call.objectValue, let function = object["function"]?.objectValue, let name = function["name"]?.stringValue else { return nil }
            let arguments = function["arguments"].map { $0.stringValue ?? compactJSON($0) } ?? ""
            return LogToolCall(id: object["id"]?.stringValue, name: name, arguments: arguments)
        }
    }

    /// A whole number from a JSON number or a numeric string.
    static func int(_ value: JSONValue?) -> Int? {
        switch value {
        case let .number(number)? where number.isFinite && number.rounded() == number: return Int(number)
        case let .string(text)?: return Int(text)
        default: return nil
        }
    }

    static func compactJSON(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
