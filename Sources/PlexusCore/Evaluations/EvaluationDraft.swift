/// What a caller sends to create an evaluation.
public struct EvaluationDraft: Sendable, Hashable {
    /// What kind of evaluation, e.g. `accuracy`; defaults to `accuracy`.
    public var type: String
    /// The scorecard's ID or key.
    public var scorecard: String
    /// The score's ID or key, when only one score is evaluated.
    public var score: String?
    /// Free-form settings of the run.
    public var parameters: JSONValue?
    /// Items to process in all, when known up front.
    public var totalItems: Int?

    /// Creates a draft.
    public init(type: String = "accuracy", scorecard: String, score: String? = nil, parameters: JSONValue? = nil, totalItems: Int? = nil) {
        self.type = type
        self.scorecard = scorecard
        self.score = score
        self.parameters = parameters
        self.totalItems = totalItems
    }

    /// Checks the type and the item count.
    public func validate() throws {
        try Validate.nonBlank(type, field: "type")
        try Validate.nonNegative(totalItems, field: "totalItems")
    }
}
