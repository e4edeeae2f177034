import PlexusCore

/// What a `logic` expression can read: the item's metadata and the results of earlier scores.
public struct ExpressionEnvironment: Sendable {
    /// The item's metadata, read as `metadata.<key>.<key>...`.
    public var metadata: [String: JSONValue]
    /// Earlier results by score key, read as `scores.<key>` (the value) and `scores.<key>.confidence`.
    public var scores: [String: Classification]

    /// Creates an environment.
    public init(metadata: [String: JSONValue] = [:], scores: [String: Classification] = [:]) {
        self.metadata = metadata
        self.scores = scores
    }

    /// The value of a name the parser accepted; `null` for anything missing.
    func value(of name: String) -> JSONValue {
        let parts = name.split(separator: ".").map(String.init)
        if parts[0] == "metadata" {
            var value = JSONValue.object(metadata)
            for key in parts.dropFirst() {
                guard let next = value[key] else { return .null }
                value = next
            }
            return value
        }
        guard let result = scores[parts[1]] else { return .null }
        switch parts.count == 3 ? parts[2] : "value" {
        case "confidence": return result.confidence.map(JSONValue.number) ?? .null
        case "explanation": return .string(result.explanation)
        default: return .string(result.value)
        }
    }
}
