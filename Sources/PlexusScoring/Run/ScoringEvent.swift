/// What a scoring run reports as it goes.
public enum ScoringEvent: Sendable {
    /// A row was unreadable and skipped.
    case badRow(RowProblem)
    /// A classifier failed for one item.
    case failure(ScoringFailure)
    /// A batch was stored; the totals so far.
    case progress(ScoringProgress)
}
