import Foundation

/// Runs a scorecard's classifiers on one item at a time, as a dependency graph: scores whose
/// dependencies are done run concurrently, and a score whose `depends_on` condition is not met
/// gets an explicit SKIPPED result.
public struct ScorecardRunner: Sendable {
    /// The scorecard being run.
    public let definition: ScorecardDefinition
    /// The stored version being run, recorded on every result; `nil` for an unsaved definition.
    public let version: Int?
    /// The scores run, in dependency layers: each layer depends only on earlier ones.
    public let layers: [[ScoreDefinition]]
    private let classifiers: [String: any Classifier]

    /// Builds the classifiers for `scores` (all when `nil`) plus the scores they depend on.
    /// - Throws: ``ScorecardRunnerError`` for an unknown score or classifier type, ``ScoreGraphError``
    ///   for broken dependencies, or whatever a
    ///   classifier kind throws while it is built (a missing trained model, for instance).
    public init(
        definition: ScorecardDefinition, version: Int?, scores: [String]? = nil,
        registry: ClassifierRegistry = .standard, context: ClassifierContext
    ) async throws {
        let selected = try Self.closure(of: scores, in: definition)
        var classifiers: [String: any Classifier] = [:]
        for score in definition.allScores where selected.contains(score.key) {
            guard let type = score.classifierType, let kind = registry.kind(type) else {
                throw ScorecardRunnerError.unknownClassifierType(score: score.key, type: score.classifierType ?? "", known: registry.types)
            }
            classifiers[score.key] = try await kind.makeClassifier(score.classifier, for: score, context: context)
        }
        self.definition = definition
        self.version = version
        self.classifiers = classifiers
        layers = try ScoreGraph(definition).layers
            .map { $0.filter { selected.contains($0.key) } }
            .filter { !$0.isEmpty }
    }

    /// The keys of the scores this runner runs.
    public var scoreKeys: [String] { layers.flatMap { $0.map(\.key) } }

    /// Scores `item` with every selected score, in dependency order.
    public func score(_ item: ScoringItem) async -> [ScoreOutcome] {
        var outcomes: [ScoreOutcome] = []
        var results: [String: Classification] = [:]
        var failed: Set<String> = []
        for layer in layers {
            let finished = await withTaskGroup(of: ScoreOutcome.self) { group in
                for score in layer {
                    let earlier = results
                    let blocked = failed
                    group.addTask { await self.run(score, on: item, earlier: earlier, failed: blocked) }
                }
                return await group.reduce(into: [ScoreOutcome]()) { $0.append($1) }
            }
            for outcome in finished.sorted(by: { $0.scoreKey < $1.scoreKey }) {
                switch outcome.result {
                case .success(let classification): results[outcome.scoreKey] = classification
                case .failure: failed.insert(outcome.scoreKey)
                }
                outcomes.append(outcome)
            }
        }
        return outcomes
    }

    private func run(_ score: ScoreDefinition, on item: ScoringItem, earlier: [String: Classification], failed: Set<String>) async -> ScoreOutcome {
        if let blocker = score.dependsOn.first(where: { failed.contains($0.score) }) {
            let failure = ScoringFailure(scoreKey: score.key, itemID: item.id, message: "Not run because '\(blocker.score)' failed.")
            return ScoreOutcome(scoreKey: score.key, result: .failure(failure), latency: 0)
        }
        if let reason = score.skipReason(given: earlier.mapValues(\.value)) {
            return ScoreOutcome(scoreKey: score.key, result: .success(.skipped(because: reason.description)), latency: 0)
        }
        let start = ContinuousClock.now
        do {
            let classification = try await classifiers[score.key]!.classify(ClassifierInput(item: item, earlierResults: earlier))
            return ScoreOutcome(scoreKey: score.key, result: .success(classification), latency: Self.seconds(since: start))
        } catch {
            let failure = ScoringFailure(scoreKey: score.key, itemID: item.id, message: String(describing: error))
            return ScoreOutcome(scoreKey: score.key, result: .failure(failure), latency: Self.seconds(since: start))
        }
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
