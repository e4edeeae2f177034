import PlexusCore
import PlexusScoring
import PlexusStats

/// Runs a simulated experiment against a live server, as `plexus experiment simulate` does:
/// creates an evaluation, records one score result per simulated item with a prediction that is
/// right with the target probability, updates the evaluation's live metrics after each, and
/// ends it COMPLETED (or FAILED, with the error, if anything throws). Cancelled (Ctrl-C in the
/// CLI), it sends the results it has for at most ``interruptionGrace``, ends the evaluation
/// CANCELLED with what was recorded, and throws ``RunInterrupted``.
public struct ExperimentSimulator: Sendable {
    /// The client that records results and updates the evaluation.
    public let client: PlexusClient
    /// The scorecard's key; `nil` uses the client's context.
    public let scorecardKey: String?
    /// The score's key; `nil` uses the context's, or else the scorecard's first score.
    public let scoreKey: String?
    /// How many items to simulate.
    public let numItems: Int
    /// The probability that a prediction is right, from 0 to 1.
    public let accuracy: Double
    /// The range of the random pause between two results, in seconds; `0...0` for none.
    public let delay: ClosedRange<Double>
    /// How long an interrupted run may take to send what it has and end its evaluation. Default 5 s.
    public var interruptionGrace: Duration = .seconds(5)

    /// Creates a simulator, checking the settings.
    /// - Throws: ``PlexusClientError/invalid(field:message:)`` naming the setting out of range.
    public init(
        client: PlexusClient, scorecardKey: String? = nil, scoreKey: String? = nil, numItems: Int = 100,
        accuracy: Double = 0.85, delay: ClosedRange<Double> = 0...0
    ) throws(PlexusClientError) {
        guard numItems >= 1 else { throw .invalid(field: "numItems", message: "numItems must be at least 1; got \(numItems).") }
        guard (0...1).contains(accuracy) else { throw .invalid(field: "accuracy", message: "accuracy must be between 0 and 1; got \(accuracy).") }
        guard delay.lowerBound >= 0, delay.upperBound.isFinite else {
            throw .invalid(field: "delay", message: "delay must be a range of seconds ≥ 0 such as 0.1...1.0; got \(delay).")
        }
        self.client = client
        self.scorecardKey = scorecardKey
        self.scoreKey = scoreKey
        self.numItems = numItems
        self.accuracy = accuracy
        self.delay = delay
    }

    /// Runs the simulation with a generator seeded by `seed`, so the same seed gives the same run.
    public func run(
        seed: UInt64, isolation: isolated (any Actor)? = #isolation, progress: (SimulationProgress) -> Void = { _ in }
    ) async throws -> SimulationSummary {
        var random = SeededRandomNumberGenerator(seed: seed)
        return try await run(using: &random, progress: progress)
    }

    /// Runs the simulation, drawing labels, confidences and pauses from `random`, and calls
    /// `progress` after each result.
    public func run(
        using random: inout some RandomNumberGenerator, isolation: isolated (any Actor)? = #isolation,
        progress: (SimulationProgress) -> Void = { _ in }
    ) async throws -> SimulationSummary {
        let (scorecard, score) = try await client.resolveScore(scoreKey, in: scorecardKey)
        let positive = score.positiveClass ?? score.classes[0]
        let evaluation = try await client.experiments.create(
            type: "simulation", scorecardKey: scorecard.id.rawValue, scoreKey: score.key, parameters: parameters, totalItems: numItems)
        var recorded = 0
        do {
            _ = try await client.experiments.updateNow(id: evaluation.id, EvaluationUpdate(status: .running))
            var matrix = try ConfusionMatrix(labels: score.classes)
            for number in 1...numItems {
                let prediction = SimulatedPrediction.draw(classes: score.classes, accuracy: accuracy, using: &random)
                try await client.scoreResults.create(
                    value: prediction.predicted, itemID: "sim-\(evaluation.id.rawValue.prefix(8))-\(number)",
                    confidence: prediction.confidence, metadata: Self.metadata(prediction),
                    scoreKey: score.key, scorecardKey: scorecard.id.rawValue, evaluationID: evaluation.id)
                recorded = number
                matrix.record(actual: prediction.truth, predicted: prediction.predicted)
                let metrics = EvaluationMetrics(matrix, positiveClass: positive)
                try await client.experiments.update(id: evaluation.id, Self.update(metrics, processed: number, total: numItems))
                progress(SimulationProgress(processed: number, total: numItems, accuracy: metrics.accuracy))
                if number < numItems, delay.upperBound > 0 {
                    try await Task.sleep(for: .seconds(Double.random(in: delay, using: &random)))
                }
            }
            let metrics = EvaluationMetrics(matrix, positiveClass: positive)
            await client.flush()
            var final = Self.update(metrics, processed: numItems, total: numItems)
            final.status = .completed
            let completed = try await client.experiments.updateNow(id: evaluation.id, final)
            return SimulationSummary(evaluation: completed, metrics: metrics)
        } catch where Task.isCancelled {
            throw await interrupted(evaluation.id, recorded: recorded)
        } catch {
            let failure = EvaluationUpdate(status: .failed, errorMessage: String(describing: error), errorDetails: .object(["type": .string("\(type(of: error))")]))
            _ = try? await client.experiments.updateNow(id: evaluation.id, failure)
            throw error
        }
    }

    /// Sends what is queued and ends the evaluation CANCELLED, each within the grace period
    /// (the cancelled task's own requests would be refused), and says what was kept.
    private func interrupted(_ id: Identifier<Evaluation>, recorded: Int) async -> RunInterrupted {
        let sentInTime = await client.flush(within: interruptionGrace)
        let unsent = sentInTime ? 0 : await client.stats.pending
        var message = "Interrupted after \(recorded) of \(numItems) items"
        if unsent > 0 { message += "; \(unsent) results could not be sent in time" }
        let update = EvaluationUpdate(
            status: .cancelled, processedItems: recorded - unsent, errorMessage: message + ".",
            errorDetails: .object(["reason": "interrupted", "recorded": .number(Double(recorded)), "unsent": .number(Double(unsent))]))
        let ended = await BoundedWait.run(interruptionGrace) { [client] in _ = try? await client.experiments.updateNow(id: id, update) }
        return RunInterrupted(evaluations: [id], recorded: recorded - unsent, unsent: unsent, evaluationsEnded: ended)
    }

    private var parameters: JSONValue {
        .object([
            "numItems": .number(Double(numItems)), "accuracy": .number(accuracy),
            "delayMin": .number(delay.lowerBound), "delayMax": .number(delay.upperBound),
        ])
    }

    private static func metadata(_ prediction: SimulatedPrediction) -> JSONValue {
        .object(["trueValue": .string(prediction.truth), "predictedValue": .string(prediction.predicted), "correct": .bool(prediction.isCorrect)])
    }

    private static func update(_ metrics: EvaluationMetrics, processed: Int, total: Int) -> EvaluationUpdate {
        EvaluationUpdate(
            progress: Double(processed) / Double(total), processedItems: processed, accuracy: metrics.accuracy,
            metrics: metrics.json, confusionMatrix: metrics.confusionMatrixJSON)
    }
}
