import PlexusCore
import PlexusScoring
import PlexusStore

/// Checks a job request against the account's data before anything is queued, so a job that
/// cannot run is refused with the offending field instead of failing later in the background.
struct JobPlanner: Sendable {
    let store: SQLStore
    /// The classifier types the runner knows, to parse the scorecard version with.
    let registry: ClassifierRegistry

    /// The job's kind and its parameters, with the scorecard version fixed (the newest when none was asked for).
    /// - Throws: ``DomainError`` naming `kind`, `scorecard`, `version`, `scores[i]`, `sample` or `items[i]`.
    func plan(_ input: JobInput, accountID: Identifier<Account>) async throws -> (JobKind, JobParameters) {
        let kind = try input.validate()
        guard let stored = try await store.scorecardVersion(input.scorecard, version: input.version, accountID: accountID) else {
            if let version = input.version, try await store.scorecard(input.scorecard, accountID: accountID) != nil {
                throw DomainError.notFound(resource: "version of scorecard '\(input.scorecard)'", id: String(version), field: "version")
            }
            throw DomainError.notFound(resource: "scorecard version (push one with POST /api/v1/scorecards/versions)", id: input.scorecard, field: "scorecard")
        }
        let definition: ScorecardDefinition
        do {
            definition = try ScorecardParser(registry: registry).parse(stored.source, file: "\(stored.scorecardKey) v\(stored.version)")
        } catch {
            throw DomainError.invalid(field: "scorecard", message: "Version \(stored.version) of '\(stored.scorecardKey)' cannot be run here: \(error)")
        }
        for (index, score) in (input.scores ?? []).enumerated() where definition.score(score) == nil {
            throw DomainError.notFound(resource: "score in scorecard '\(stored.scorecardKey)' v\(stored.version)", id: score, field: "scores[\(index)]")
        }
        if case .listed(let ids)? = input.items {
            let found = Set(try await store.items(externalIDs: ids, accountID: accountID).map(\.externalId))
            if let index = ids.firstIndex(where: { !found.contains($0) }) {
                throw DomainError.notFound(resource: "item (upload it with POST /api/v1/items/batch)", id: ids[index], field: "items[\(index)]")
            }
        }
        var normalized = input
        normalized.scorecard = stored.scorecardKey
        return (kind, normalized.parameters(kind: kind, version: stored.version))
    }
}
