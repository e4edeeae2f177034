/// A scoring run stopped because its task was cancelled (Ctrl-C in the CLI, a stopping job
/// runner). The outcomes finished by then were stored, within ``BatchScorer/interruptionGrace``;
/// items still being classified were dropped, and running the same command again scores them.
public struct ScoringInterrupted: Error, Sendable, CustomStringConvertible {
    /// The totals of what was done and stored before the run stopped.
    public let progress: ScoringProgress
    /// Finished items whose results could not be stored in time (0 when everything was).
    public let unsaved: Int

    /// Creates the error.
    public init(progress: ScoringProgress, unsaved: Int) {
        self.progress = progress
        self.unsaved = unsaved
    }

    /// What was kept, what was not, and what to do.
    public var description: String {
        let kept = "Interrupted after scoring \(progress.itemsScored) items (\(progress.resultsStored) results stored"
        let lost = unsaved > 0 ? "; the results of \(unsaved) more items could not be stored in time" : ""
        return kept + lost + "). Run the same command again to continue where it stopped."
    }
}
