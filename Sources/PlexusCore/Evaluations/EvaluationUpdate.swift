/// The fields of an evaluation a caller may change; `nil` leaves a field as it is.
public struct EvaluationUpdate: Sendable, Hashable, Codable {
    /// A new status; an evaluation that has ended cannot change status again.
    public var status: EvaluationStatus?
    /// The fraction done, from 0 to 1.
    public var progress: Double?
    /// Items processed so far.
    public var processedItems: Int?
    /// Items to process in all.
    public var totalItems: Int?
    /// Accuracy so far, from 0 to 1.
    public var accuracy: Double?
    /// All metrics so far.
    public var metrics: JSONValue?
    /// The confusion matrix so far.
    public var confusionMatrix: JSONValue?
    /// Why the evaluation failed.
    public var errorMessage: String?
    /// Structured detail of the failure.
    public var errorDetails: JSONValue?

    /// Creates an update.
    public init(
        status: EvaluationStatus? = nil, progress: Double? = nil, processedItems: Int? = nil, totalItems: Int? = nil,
        accuracy: Double? = nil, metrics: JSONValue? = nil, confusionMatrix: JSONValue? = nil,
        errorMessage: String? = nil, errorDetails: JSONValue? = nil
    ) {
        self.status = status
        self.progress = progress
        self.processedItems = processedItems
        self.totalItems = totalItems
        self.accuracy = accuracy
        self.metrics = metrics
        self.confusionMatrix = confusionMatrix
        self.errorMessage = errorMessage
        self.errorDetails = errorDetails
    }

    /// Checks ranges, and that the update is a legal move from `current`.
    public func validate(against current: EvaluationStatus) throws {
        try Validate.unitInterval(progress, field: "progress")
        try Validate.unitInterval(accuracy, field: "accuracy")
        try Validate.nonNegative(processedItems, field: "processedItems")
        try Validate.nonNegative(totalItems, field: "totalItems")
        if let status, current.isFinal, status != current {
            throw DomainError.conflict(field: "status", message: "The evaluation is already \(current.rawValue); a finished evaluation cannot become \(status.rawValue). Create a new evaluation instead.")
        }
    }
}
