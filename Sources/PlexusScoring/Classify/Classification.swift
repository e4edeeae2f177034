import PlexusCore

/// A classifier's answer for one item and one score.
public struct Classification: Sendable, Hashable, Codable {
    /// The value stored for a score whose `depends_on` condition was not met (``Score/skippedValue``).
    public static let skippedValue = Score.skippedValue

    /// One of the score's classes, or ``skippedValue``.
    public var value: String
    /// How sure the classifier is, in [0, 1]; `nil` when it cannot say.
    public var confidence: Double?
    /// Why: what matched, the top terms, or the path through a prompt tree.
    public var explanation: String
    /// Tokens and money spent, for classifiers that call a paid model.
    public var usage: Usage
    /// Structured detail for the result's metadata (matched spans, node answers, ...).
    public var detail: JSONValue?

    /// Creates a classification.
    public init(value: String, confidence: Double? = nil, explanation: String = "", usage: Usage = Usage(), detail: JSONValue? = nil) {
        self.value = value
        self.confidence = confidence
        self.explanation = explanation
        self.usage = usage
        self.detail = detail
    }

    /// A result saying the score did not run because its `depends_on` condition was not met.
    public static func skipped(because reason: String) -> Classification {
        Classification(value: skippedValue, explanation: reason)
    }

    /// Whether this is a SKIPPED result.
    public var isSkipped: Bool { value == Self.skippedValue }
}
