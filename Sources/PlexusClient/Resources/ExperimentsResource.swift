import PlexusCore

/// Experiments (evaluations, in the server's terms): create, read, and update progress and metrics.
public struct ExperimentsResource: Sendable {
    let core: ClientCore

    /// Creates an evaluation of a scorecard, or of one of its scores when `scoreKey` is given.
    /// The scorecard defaults to the ``ClientContext``'s; keys are resolved to IDs and cached.
    public func create(
        type: String = "accuracy", scorecardKey: String? = nil, scoreKey: String? = nil,
        parameters: JSONValue? = nil, totalItems: Int? = nil
    ) async throws -> Evaluation {
        let scorecard = try await core.resolver.scorecard(scorecardKey)
        let score = scoreKey == nil ? nil : try await core.resolver.score(scoreKey, in: scorecard.id.rawValue).1
        let input = EvaluationInput(
            type: type, scorecardId: scorecard.id.rawValue, scoreId: score?.id.rawValue, parameters: parameters, totalItems: totalItems)
        try LocalValidation.check { _ = try input.draft() }
        return try await core.transport.send(try .post("evaluations", body: input, retryable: false))
    }

    /// The evaluation with ID `id`.
    public func get(id: Identifier<Evaluation>) async throws -> Evaluation {
        try await core.transport.send(.get("evaluations", id.rawValue, subject: ("evaluation", id.rawValue)))
    }

    /// Changes the fields `update` sets, such as status, progress and metrics.
    ///
    /// By default the update is queued and sent in the background, after every update queued
    /// before it, and the call returns `nil` at once; failures are logged and counted in
    /// ``PlexusClient/stats``. With `immediate: true` the call waits its turn in the same queue
    /// and returns the updated evaluation, or throws what the server answered.
    @discardableResult
    public func update(id: Identifier<Evaluation>, _ update: EvaluationUpdate, immediate: Bool = false) async throws -> Evaluation? {
        if immediate {
            return try await updateNow(id: id, update)
        }
        try Self.validate(update)
        try await core.enqueue(counting: \.updatesQueued) { try await core.updates.add(update, to: id) }
        return nil
    }

    /// Sends `update` in its turn after the queued updates and returns the updated evaluation.
    func updateNow(id: Identifier<Evaluation>, _ update: EvaluationUpdate) async throws -> Evaluation {
        try Self.validate(update)
        return try await core.updates.send(update, to: id)
    }

    /// Checks ranges; whether the status may change depends on the stored status, which the server checks.
    private static func validate(_ update: EvaluationUpdate) throws(PlexusClientError) {
        try LocalValidation.check { try update.validate(against: .pending) }
    }
}
