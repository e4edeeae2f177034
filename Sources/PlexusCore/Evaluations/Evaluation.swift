import Foundation

/// A comparison of a classifier's results with human labels (called an "experiment" by older clients).
public struct Evaluation: Sendable, Codable, Hashable {
    /// The evaluation's unique ID.
    public var id: Identifier<Evaluation>
    /// The account that owns it.
    public var accountId: Identifier<Account>
    /// What kind of evaluation this is, e.g. `accuracy` or `simulation`.
    public var type: String
    /// The scorecard being evaluated.
    public var scorecardId: Identifier<Scorecard>
    /// The score being evaluated, when only one is.
    public var scoreId: Identifier<Score>?
    /// Free-form settings of the run.
    public var parameters: JSONValue?
    /// Where the evaluation is in its life.
    public var status: EvaluationStatus
    /// The fraction done, from 0 to 1.
    public var progress: Double
    /// Items processed so far.
    public var processedItems: Int
    /// Items to process in all.
    public var totalItems: Int?
    /// Accuracy so far.
    public var accuracy: Double?
    /// All metrics so far (precision, recall, F1, kappa, …).
    public var metrics: JSONValue?
    /// The confusion matrix so far.
    public var confusionMatrix: JSONValue?
    /// Why the evaluation failed.
    public var errorMessage: String?
    /// Structured detail of the failure.
    public var errorDetails: JSONValue?
    /// When the evaluation was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date
    /// When it first became RUNNING.
    public var startedAt: Date?
    /// When it became COMPLETED or FAILED.
    public var completedAt: Date?

    /// Creates an evaluation value.
    public init(
        id: Identifier<Evaluation>, accountId: Identifier<Account>, type: String, scorecardId: Identifier<Scorecard>,
        scoreId: Identifier<Score>?, parameters: JSONValue?, status: EvaluationStatus, progress: Double,
        processedItems: Int, totalItems: Int?, accuracy: Double?, metrics: JSONValue?, confusionMatrix: JSONValue?,
        errorMessage: String?, errorDetails: JSONValue?, createdAt: Date, updatedAt: Date, startedAt: Date?, completedAt: Date?
    ) {
        self.id = id
        self.accountId = accountId
        self.type = type
        self.scorecardId = scorecardId
        self.scoreId = scoreId
        self.parameters = parameters
        self.status = status
        self.progress = progress
        self.processedItems = processedItems
        self.totalItems = totalItems
        self.accuracy = accuracy
        self.metrics = metrics
        self.confusionMatrix = confusionMatrix
        self.errorMessage = errorMessage
        self.errorDetails = errorDetails
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.startedAt = startedAt
        self.completedAt = completedAt
    }
}
