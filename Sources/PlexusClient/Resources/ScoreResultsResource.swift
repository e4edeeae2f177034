import Foundation
import PlexusCore

/// Score results: record one (queued or at once) or a batch, update, read and list.
public struct ScoreResultsResource: Sendable {
    let core: ClientCore

    /// Records the value a classifier gave one item for one score.
    ///
    /// By default the result is queued and sent in the background in a batch, and the call
    /// returns `nil` as soon as the result is queued (waiting for room first when
    /// ``ClientConfiguration/maxQueuedResults`` are already waiting, so a fast producer is slowed to
    /// the server's pace); failures are then logged and counted in ``PlexusClient/stats``. With `immediate: true` the result is sent now and the stored
    /// result is returned. Either way it carries an idempotency key (a new UUID unless given),
    /// so retries never record it twice.
    ///
    /// The scorecard and score default to the ``ClientContext``'s; their keys are resolved to IDs
    /// once and cached. `itemID` is the caller's external ID unless `itemIDKind` says otherwise.
    /// `scorecardVersion` records which version of the scorecard produced the result.
    ///
    /// - Throws: ``PlexusClientError/invalid(field:message:)`` for a bad value (nothing is sent),
    ///   ``PlexusClientError/notFound(resource:id:)`` for an unknown scorecard or score, and for
    ///   immediate results whatever the server answers.
    @discardableResult
    public func create(
        value: String, itemID: String, confidence: Double? = nil, metadata: JSONValue? = nil, explanation: String? = nil,
        scoreKey: String? = nil, scorecardKey: String? = nil, evaluationID: Identifier<Evaluation>? = nil,
        cost: Double? = nil, latency: Double? = nil, scoringJobID: String? = nil, idempotencyKey: String? = nil,
        scorecardVersion: Int? = nil, itemIDKind: ItemIDKind = .external, immediate: Bool = false
    ) async throws -> ScoreResult? {
        let isPlexusID = try await isPlexusItemID(itemID, kind: itemIDKind)
        var input = ScoreResultInput(
            itemId: isPlexusID ? itemID : nil, itemExternalId: isPlexusID ? nil : itemID,
            value: value, confidence: confidence, explanation: explanation, metadata: metadata, cost: cost, latency: latency,
            evaluationId: evaluationID?.rawValue, scoringJobId: scoringJobID, idempotencyKey: idempotencyKey ?? UUID().uuidString,
            scorecardVersion: scorecardVersion
        )
        do {
            let (scorecard, score) = try await core.resolver.score(scoreKey, in: scorecardKey)
            input.scorecardId = scorecard.id.rawValue
            input.scoreId = score.id.rawValue
        } catch PlexusClientError.api(403, "insufficient_scope", let message, let field) {
            // An ingest-only key may not read scorecards; the server resolves the keys instead.
            guard let card = scorecardKey ?? core.resolver.context.scorecardKey, let score = scoreKey ?? core.resolver.context.scoreKey else {
                throw PlexusClientError.api(status: 403, code: "insufficient_scope", message: message + " (An ingest-only key must name the scorecard and score by key.)", field: field)
            }
            input.scorecardKey = card
            input.scoreKey = score
        }
        try LocalValidation.check { _ = try input.draft() }
        if immediate {
            return try await core.transport.send(try .post("score-results", body: input, retryable: true))
        }
        try await core.enqueue(counting: \.queued) { try await core.results.add(input) }
        return nil
    }

    /// Records many results now, in requests of at most 10,000, and returns what the server did.
    /// Inputs without an idempotency key get one, so a retried request creates no duplicates.
    public func batchCreate(_ inputs: [ScoreResultInput]) async throws -> BatchOutcome<ScoreResult> {
        let keyed = inputs.map { input in
            var input = input
            input.idempotencyKey = input.idempotencyKey ?? UUID().uuidString
            return input
        }
        var total = BatchOutcome<ScoreResult>(created: 0, duplicates: 0, ids: [])
        for start in stride(from: 0, to: keyed.count, by: ClientConfiguration.maximumBatchSize) {
            let chunk = Array(keyed[start..<min(start + ClientConfiguration.maximumBatchSize, keyed.count)])
            let outcome: BatchOutcome<ScoreResult> = try await core.transport.send(
                try .post("score-results", "batch", body: ScoreResultBatch(scoreResults: chunk), retryable: true))
            total.created += outcome.created
            total.duplicates += outcome.duplicates
            total.ids += outcome.ids
        }
        return total
    }

    /// Changes the fields `update` sets and returns the stored result.
    public func update(id: Identifier<ScoreResult>, _ update: ScoreResultUpdate) async throws -> ScoreResult {
        try LocalValidation.check { try update.validate() }
        return try await core.transport.send(try .patch("score-results", id.rawValue, body: update, subject: ("score result", id.rawValue)))
    }

    /// The result with ID `id`.
    public func get(id: Identifier<ScoreResult>) async throws -> ScoreResult {
        try await core.transport.send(.get("score-results", id.rawValue, subject: ("score result", id.rawValue)))
    }

    /// One page of the results that `filter` selects, newest first; pass the page's
    /// `nextCursor` as `cursor` for the next one.
    public func list(_ filter: ScoreResultFilter = ScoreResultFilter(), limit: Int? = nil, cursor: String? = nil) async throws -> Page<ScoreResult> {
        var query = Self.query(filter)
        if let limit { query.append(("limit", String(limit))) }
        if let cursor { query.append(("cursor", cursor)) }
        return try await core.transport.send(.get("score-results", query: query))
    }

    /// Every result that `filter` selects, following the pages to the end.
    public func all(_ filter: ScoreResultFilter = ScoreResultFilter()) async throws -> [ScoreResult] {
        var results: [ScoreResult] = []
        var cursor: String?
        repeat {
            let page = try await list(filter, limit: PageRequest.maximumLimit, cursor: cursor)
            results += page.data
            cursor = page.nextCursor
        } while cursor != nil
        return results
    }

    private static func query(_ filter: ScoreResultFilter) -> [(name: String, value: String)] {
        let pairs: [(String, String?)] = [
            ("scorecardId", filter.scorecardId?.rawValue), ("scoreId", filter.scoreId?.rawValue),
            ("itemId", filter.itemId?.rawValue), ("evaluationId", filter.evaluationId?.rawValue),
            ("since", filter.since.map(PlexusJSON.formatDate)), ("until", filter.until.map(PlexusJSON.formatDate)),
        ]
        return pairs.compactMap { name, value in value.map { (name, $0) } }
    }

    private func isPlexusItemID(_ itemID: String, kind: ItemIDKind) async throws -> Bool {
        switch kind {
        case .plexus: return true
        case .external: return false
        case .plexusOrExternal:
            do {
                _ = try await ItemsResource(core: core).get(id: Identifier(itemID))
                return true
            } catch PlexusClientError.notFound {
                return false
            }
        }
    }
}
