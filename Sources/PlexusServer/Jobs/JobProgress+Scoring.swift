import PlexusCore
import PlexusScoring

extension JobProgress {
    /// A job's totals from a scoring run's totals.
    init(_ progress: ScoringProgress, totalItems: Int? = nil) {
        self.init(
            totalItems: totalItems, itemsScored: progress.itemsScored, itemsResumed: progress.itemsResumed,
            resultsStored: progress.resultsStored, resultsSkipped: progress.resultsSkipped, failures: progress.failures,
            cost: progress.usage.cost)
    }
}
