import PlexusCore

extension Classification {
    /// The metadata stored with this result: the classifier's detail and, when it called an LLM,
    /// the tokens and calls it spent.
    public var resultMetadata: [String: JSONValue] {
        var metadata: [String: JSONValue] = [:]
        if let detail { metadata["detail"] = detail }
        if usage.calls + usage.cachedCalls > 0 {
            metadata["usage"] = .object([
                "promptTokens": .number(Double(usage.promptTokens)), "completionTokens": .number(Double(usage.completionTokens)),
                "calls": .number(Double(usage.calls)), "cachedCalls": .number(Double(usage.cachedCalls)),
            ])
        }
        return metadata
    }
}
