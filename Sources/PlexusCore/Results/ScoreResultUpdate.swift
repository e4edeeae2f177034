/// The fields of a score result a caller may change; `nil` leaves a field as it is.
public struct ScoreResultUpdate: Sendable, Hashable, Codable {
    /// A new value.
    public var value: String?
    /// A new confidence, from 0 to 1.
    public var confidence: Double?
    /// A new explanation.
    public var explanation: String?
    /// New metadata (replaces the old).
    public var metadata: JSONValue?
    /// A new cost.
    public var cost: Double?
    /// A new latency.
    public var latency: Double?

    /// Creates an update.
    public init(value: String? = nil, confidence: Double? = nil, explanation: String? = nil, metadata: JSONValue? = nil, cost: Double? = nil, latency: Double? = nil) {
        self.value = value
        self.confidence = confidence
        self.explanation = explanation
        self.metadata = metadata
        self.cost = cost
        self.latency = latency
    }

    /// Checks values and ranges.
    public func validate() throws {
        if let value { try Validate.nonBlank(value, field: "value") }
        try Validate.unitInterval(confidence, field: "confidence")
        try Validate.nonNegative(cost, field: "cost")
        try Validate.nonNegative(latency, field: "latency")
    }
}
