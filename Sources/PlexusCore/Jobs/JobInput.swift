/// The body of `POST /api/v1/jobs`: what to run, before the scorecard version is looked up.
public struct JobInput: Sendable, Codable, Hashable {
    /// The most items a scoring job may list by external ID.
    public static let maximumListedItems = 10_000
    /// The seed evaluation jobs draw their sample with when none is given.
    public static let defaultSeed: UInt64 = 42

    /// `scoring` or `evaluation`; read as text so an unknown kind gets a helpful message.
    public var kind: String
    /// The scorecard's key (or ID).
    public var scorecard: String
    /// The scorecard version to run; the newest when `nil`.
    public var version: Int?
    /// The scores to run; every score when `nil`.
    public var scores: [String]?
    /// Scoring jobs: which stored items to score. Default `"unscored"`.
    public var items: JobItemSelection?
    /// Evaluation jobs: how many labelled items to draw; all when `nil`.
    public var sample: Int?
    /// Evaluation jobs: the seed of the draw. Default 42.
    public var seed: UInt64?

    /// Creates an input.
    public init(
        kind: String, scorecard: String, version: Int? = nil, scores: [String]? = nil, items: JobItemSelection? = nil,
        sample: Int? = nil, seed: UInt64? = nil
    ) {
        self.kind = kind
        self.scorecard = scorecard
        self.version = version
        self.scores = scores
        self.items = items
        self.sample = sample
        self.seed = seed
    }

    /// Checks every field that needs no lookup and returns the job's kind.
    /// - Throws: ``DomainError/invalid(field:message:)`` naming the offending field.
    public func validate() throws -> JobKind {
        guard let kind = JobKind(rawValue: kind), JobKind.submittable.contains(kind) else {
            let kinds = JobKind.submittable.map { "'\($0.rawValue)'" }.joined(separator: " or ")
            throw DomainError.invalid(field: "kind", message: "Unknown job kind '\(self.kind)'; use \(kinds).")
        }
        try Validate.nonBlank(scorecard, field: "scorecard")
        if let version, version < 1 {
            throw DomainError.invalid(field: "version", message: "version must be 1 or more; got \(version). Leave it out for the newest.")
        }
        if let scores {
            guard !scores.isEmpty else {
                throw DomainError.invalid(field: "scores", message: "scores is empty; leave it out to run every score of the scorecard.")
            }
            for (index, score) in scores.enumerated() { try Validate.nonBlank(score, field: "scores[\(index)]") }
        }
        switch kind {
        case .scoring: try validateScoring()
        case .evaluation: try validateEvaluation()
        case .monitor, .explanation: break
        }
        return kind
    }

    private func validateScoring() throws {
        if sample != nil || seed != nil {
            throw DomainError.invalid(field: sample != nil ? "sample" : "seed", message: "sample and seed apply to evaluation jobs only; leave them out of a scoring job.")
        }
        guard case .listed(let ids) = items else { return }
        guard !ids.isEmpty, ids.count <= Self.maximumListedItems else {
            throw DomainError.invalid(field: "items", message: "List 1–\(Self.maximumListedItems) item external IDs (got \(ids.count)), or use \"unscored\" or \"all\".")
        }
        for (index, id) in ids.enumerated() { try Validate.nonBlank(id, field: "items[\(index)]") }
    }

    private func validateEvaluation() throws {
        if items != nil {
            throw DomainError.invalid(field: "items", message: "Evaluation jobs run on the stored labels of their scores; leave items out (use sample and seed to draw a subset).")
        }
        if let sample, sample < 1 {
            throw DomainError.invalid(field: "sample", message: "sample must be 1 or more; got \(sample). Leave it out to use every labelled item.")
        }
    }

    /// The stored parameters once the version is known.
    public func parameters(kind: JobKind, version: Int) -> JobParameters {
        switch kind {
        case .scoring: JobParameters(scorecard: scorecard, version: version, scores: scores, items: items ?? .unscored)
        case .evaluation, .monitor, .explanation: JobParameters(scorecard: scorecard, version: version, scores: scores, sample: sample, seed: seed ?? Self.defaultSeed)
        }
    }
}
