import Foundation
import PlexusCore
import PlexusScoring
import PlexusStats

/// Loads a realistic demo into an account over the API, so a first `plexus serve --demo` (or
/// `plexus demo`) shows every dashboard page with something true to show: the example scorecards
/// of README's walkthrough (pushed as version 1) with their labelled calls and chats, three days
/// of production score results, real evaluations of the scores that need no model or LLM, and a
/// day of pipeline performance records.
public struct DemoLoader: Sendable {
    /// What the loader did.
    public enum Outcome: Sendable, Equatable {
        /// The demo was loaded; carries the finished evaluations' IDs.
        case loaded(evaluationIDs: [Identifier<Evaluation>], scoreResults: Int, performanceRecords: Int)
        /// The account already has the first example's scorecard; nothing was changed.
        case alreadyLoaded
    }

    /// The scores of the first example evaluated for real: classifiers that run here, without a model or an LLM.
    public static let evaluatedScores = ["greeting", "recording_disclosure"]

    /// The client of the account to fill.
    public let client: PlexusClient
    /// The scorecards and data to load.
    public let examples: DemoExamples
    /// Over how many past days the production score results spread.
    public var days = 3
    /// How many pipeline performance records to spread over the last day.
    public var performanceRecords = 1500

    /// Creates a loader of `examples` into `client`'s account.
    public init(client: PlexusClient, examples: DemoExamples) {
        self.client = client
        self.examples = examples
    }

    /// Loads the demo unless the account already has it; `progress` receives a line per step.
    public func load(now: Date = Date(), progress: @Sendable (String) -> Void = { _ in }) async throws -> Outcome {
        let main = examples.examples[0]
        let mainVersion = try ScorecardParser().parse(main.scorecardYAML, file: "demo")
        if (try? await client.scorecards.get(key: mainVersion.key)) != nil { return .alreadyLoaded }
        for example in examples.examples {
            let version = try await client.scorecards.pushVersion(source: example.scorecardYAML)
            let imported = try await ItemImport(client: client, scorecardKey: version.scorecardKey).run(file: example.itemsPath)
            progress("Pushed scorecard '\(version.scorecardKey)' as version \(version.version) with \(imported.items) labelled items.")
        }
        let results = try await recordHistory(main, scorecard: mainVersion, now: now)
        progress("Recorded \(results) production score results over the last \(days) days.")
        let session = try await ScoringSession.open(client: client, scorecard: mainVersion.key)
        let report = try await session.evaluate(EvaluationOptions(scores: Self.evaluatedScores))
        let ids = report.scores.map(\.evaluationID)
        progress("Evaluated \(Self.evaluatedScores.joined(separator: " and ")) against the human labels.")
        let records = try await client.performance.recordBatch(DemoPipeline.records(count: performanceRecords, endingAt: now))
        progress("Recorded \(records) pipeline performance records over the last day.")
        return .loaded(evaluationIDs: ids, scoreResults: results, performanceRecords: records)
    }

    /// Scores every labelled item once a day for `days` days, as a production classifier right
    /// about 88% of the time would; each result says it is simulated.
    private func recordHistory(_ example: DemoExamples.Example, scorecard: ScorecardDefinition, now: Date) async throws -> Int {
        var random = SeededRandomNumberGenerator(seed: 7)
        var inputs: [ScoreResultInput] = []
        for try await row in try ItemFile(path: example.itemsPath) {
            guard case .item(let input, _) = row else { continue }
            for score in scorecard.allScores {
                guard let truth = input.labels[score.key] else { continue }
                for day in 0..<days {
                    let predicted = Self.predict(truth, classes: score.classes, using: &random)
                    let secondsAgo = Double(day) * 86_400 + Double.random(in: 0..<86_400, using: &random)
                    inputs.append(ScoreResultInput(
                        scorecardKey: scorecard.key, scoreKey: score.key, itemExternalId: input.item.id, value: predicted,
                        confidence: Double.random(in: 0.62...0.99, using: &random),
                        explanation: "Simulated production result (demo data).",
                        metadata: ["trueValue": .string(truth), "classifier": "demo-simulated"], cost: 0.0004,
                        latency: Double.random(in: 0.2...1.4, using: &random),
                        idempotencyKey: "demo-\(day)-\(input.item.id)-\(score.key)", createdAt: now.addingTimeInterval(-secondsAgo),
                        scorecardVersion: 1))
                }
            }
        }
        for start in stride(from: 0, to: inputs.count, by: 1000) {
            _ = try await client.scoreResults.batchCreate(Array(inputs[start..<min(start + 1000, inputs.count)]))
        }
        return inputs.count
    }

    /// `truth` with probability 0.88, otherwise another class.
    private static func predict(_ truth: String, classes: [String], using random: inout some RandomNumberGenerator) -> String {
        guard Double.random(in: 0..<1, using: &random) >= 0.88 else { return truth }
        return classes.filter { $0 != truth }.randomElement(using: &random) ?? truth
    }
}
