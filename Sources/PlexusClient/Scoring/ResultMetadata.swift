import PlexusCore
import PlexusScoring

/// The metadata stored with a classifier's result: its detail and what it spent.
enum ResultMetadata {
    static func of(_ classification: Classification) -> [String: JSONValue] {
        var metadata: [String: JSONValue] = [:]
        if let detail = classification.detail { metadata["detail"] = detail }
        let usage = classification.usage
        if usage.calls + usage.cachedCalls > 0 {
            metadata["usage"] = .object([
                "promptTokens": .number(Double(usage.promptTokens)), "completionTokens": .number(Double(usage.completionTokens)),
                "calls": .number(Double(usage.calls)), "cachedCalls": .number(Double(usage.cachedCalls)),
            ])
        }
        return metadata
    }
}
