import PlexusCore
import PlexusMonitoring

/// Something that changed in the store, for live updates. Every write path (REST, GraphQL,
/// workers) goes through the store, so watching here misses nothing.
public enum StoreChange: Sendable, Equatable {
    /// An evaluation was created or updated; carries its new state.
    case evaluationUpdated(Evaluation)
    /// Results were recorded for a scorecard: how many were new in one batch.
    case scoreResultsCreated(accountID: Identifier<Account>, scorecardID: Identifier<Scorecard>, count: Int)
    /// Items were created for an account, uploaded or made on the fly for results and labels.
    case itemsCreated(accountID: Identifier<Account>, count: Int)
    /// Pipeline performance records were stored for an account.
    case performanceRecorded(accountID: Identifier<Account>, count: Int)
    /// A monitor's alert was raised, fired again, acknowledged or resolved.
    case alertChanged(accountID: Identifier<Account>, AlertEvent)
    /// An explanation of a model version was stored, by a request or an explanation job.
    case explanationStored(accountID: Identifier<Account>, ModelExplanationSummary)
}
