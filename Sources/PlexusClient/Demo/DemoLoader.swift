import Foundation
import PlexusCore
import PlexusScoring
import PlexusStats

/// Loads a realistic demo into an account over the API, so a first `plexus serve --demo` (or
/// `plexus demo`) shows every dashboard page with something true to show: the call-center QA
/// scorecard, a few hundred transcripts, three days of score results, a finished evaluation and
/// a day of pipeline performance records.
public struct DemoLoader: Sendable {
    /// What the loader did.
    public enum Outcome: Sendable, Equatable {
        /// The demo was loaded; carries the finished evaluation's ID.
        case loaded(evaluationID: Identifier<Evaluation>, scoreResults: Int, performanceRecords: Int)
        /// The account already has the demo scorecard; nothing was changed.
        case alreadyLoaded
    }

    /// The client of the account to fill.
    public let client: PlexusClient
    /// How many calls (items) to create.
    public var calls = 300
    /// Over how many past days the score results spread.
    public var days = 3
    /// How many pipeline performance records to spread over the last day.
    public var performanceRecords = 1500

    /// Creates a loader.
    public init(client: PlexusClient) {
        self.client = client
    }

    /// Loads the demo unless the account already has it; `progress` receives a line per step.
    public func load(now: Date = Date(), progress: (String) -> Void = { _ in }) async throws -> Outcome {
        if (try? await client.scorecards.get(key: DemoScorecard.key)) != nil { return .alreadyLoaded }
        let scorecard = try await client.scorecards.create(DemoScorecard.draft)
        let transcripts = DemoTranscripts.make(count: calls)
        _ = try await client.items.batchCreate(transcripts.map { ItemDraft(externalId: $0.externalID, text: $0.text, metadata: $0.metadata) })
        progress("Created scorecard '\(scorecard.key)' and \(transcripts.count) call transcripts.")
        let results = try await recordHistory(transcripts, now: now)
        progress("Recorded \(results) score results over the last \(days) days.")
        let evaluation = try await runEvaluation(transcripts, now: now)
        progress("Finished evaluation \(evaluation.rawValue) of the greeting score.")
        let records = try await client.performance.recordBatch(DemoPipeline.records(count: performanceRecords, endingAt: now))
        progress("Recorded \(records) pipeline performance records over the last day.")
        return .loaded(evaluationID: evaluation, scoreResults: results, performanceRecords: records)
    }

    /// Scores every call once a day for `days` days, as a production classifier would.
    private func recordHistory(_ transcripts: [DemoTranscripts.Call], now: Date) async throws -> Int {
        var random = SeededRandomNumberGenerator(seed: 7)
        var inputs: [ScoreResultInput] = []
        for day in 0..<days {
            for call in transcripts {
                for (scoreKey, truth, classes) in DemoVerdicts.truths(of: call) {
                    let predicted = DemoVerdicts.predict(truth, classes: classes, accuracy: 0.88, using: &random)
                    let secondsAgo = Double(day) * 86_400 + Double.random(in: 0..<86_400, using: &random)
                    inputs.append(ScoreResultInput(
                        scorecardKey: DemoScorecard.key, scoreKey: scoreKey, itemExternalId: call.externalID, value: predicted,
                        confidence: Double.random(in: 0.62...0.99, using: &random), explanation: DemoVerdicts.explanation(scoreKey, predicted),
                        metadata: ["trueValue": .string(truth), "classifier": "demo-llm-v1"], cost: 0.0004, latency: Double.random(in: 0.2...1.4, using: &random),
                        idempotencyKey: "demo-\(day)-\(call.externalID)-\(scoreKey)", createdAt: now.addingTimeInterval(-secondsAgo)))
                }
            }
        }
        for start in stride(from: 0, to: inputs.count, by: 1000) {
            _ = try await client.scoreResults.batchCreate(Array(inputs[start..<min(start + 1000, inputs.count)]))
        }
        return inputs.count
    }

    /// An evaluation of the greeting score on every call, recorded and completed with its metrics.
    private func runEvaluation(_ transcripts: [DemoTranscripts.Call], now: Date) async throws -> Identifier<Evaluation> {
        let evaluation = try await client.experiments.create(
            type: "accuracy", scorecardKey: DemoScorecard.key, scoreKey: "greeting", parameters: ["classifier": "demo-llm-v1"], totalItems: transcripts.count)
        var random = SeededRandomNumberGenerator(seed: 11)
        var matrix = ConfusionMatrix()
        var inputs: [ScoreResultInput] = []
        for (index, call) in transcripts.enumerated() {
            let truth = call.greeted ? "Yes" : "No"
            let predicted = DemoVerdicts.predict(truth, classes: ["Yes", "No"], accuracy: 0.9, using: &random)
            matrix.record(actual: truth, predicted: predicted)
            inputs.append(ScoreResultInput(
                scorecardKey: DemoScorecard.key, scoreKey: "greeting", itemExternalId: call.externalID, value: predicted,
                confidence: Double.random(in: 0.6...0.99, using: &random), explanation: DemoVerdicts.explanation("greeting", predicted),
                metadata: ["trueValue": .string(truth), "predictedValue": .string(predicted), "correct": .bool(truth == predicted)],
                evaluationId: evaluation.id.rawValue, idempotencyKey: "demo-eval-\(call.externalID)",
                createdAt: now.addingTimeInterval(Double(index - transcripts.count) * 2)))
        }
        _ = try await client.scoreResults.batchCreate(inputs)
        let metrics = EvaluationMetrics(matrix, positiveClass: "Yes")
        _ = try await client.experiments.update(id: evaluation.id, EvaluationUpdate(
            status: .completed, progress: 1, processedItems: transcripts.count, totalItems: transcripts.count,
            accuracy: metrics.accuracy, metrics: metrics.json, confusionMatrix: metrics.confusionMatrixJSON), immediate: true)
        return evaluation.id
    }
}
