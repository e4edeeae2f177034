import Foundation

/// A piece of scoring or evaluation work the server runs in the background.
public struct Job: Sendable, Codable, Hashable {
    /// The job's unique ID.
    public var id: Identifier<Job>
    /// The account that owns it (and whose data it reads and writes).
    public var accountId: Identifier<Account>
    /// What the job does.
    public var kind: JobKind
    /// Where the job is in its life.
    public var status: JobStatus
    /// What the job runs on.
    public var parameters: JobParameters
    /// Totals so far.
    public var progress: JobProgress
    /// Evaluation jobs: the evaluations recorded, one per evaluated score.
    public var evaluationIds: [Identifier<Evaluation>]
    /// Why the job failed.
    public var error: String?
    /// How many times a runner has claimed the job (more than 1 after a restart).
    public var attempts: Int
    /// When the job was created.
    public var createdAt: Date
    /// When the job last changed.
    public var updatedAt: Date
    /// When a runner first claimed it.
    public var startedAt: Date?
    /// When it completed or failed.
    public var completedAt: Date?

    /// Creates a job value.
    public init(
        id: Identifier<Job>, accountId: Identifier<Account>, kind: JobKind, status: JobStatus, parameters: JobParameters,
        progress: JobProgress = JobProgress(), evaluationIds: [Identifier<Evaluation>] = [], error: String? = nil, attempts: Int = 0,
        createdAt: Date, updatedAt: Date, startedAt: Date? = nil, completedAt: Date? = nil
    ) {
        self.id = id
        self.accountId = accountId
        self.kind = kind
        self.status = status
        self.parameters = parameters
        self.progress = progress
        self.evaluationIds = evaluationIds
        self.error = error
        self.attempts = attempts
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.startedAt = startedAt
        self.completedAt = completedAt
    }
}
