import Foundation
import PlexusCore
import PlexusScoring
import Testing

@Suite("ml: classifier kind")
struct MLClassifierKindTests {
    let kind = MLClassifierKind()

    func classifier(_ artifacts: [StoredModelArtifact], block: JSONValue = MLFactories.mlBlock()) async throws -> any Classifier {
        let context = ClassifierContext(scorecardKey: "calls", models: InMemoryArtifacts(artifacts: artifacts))
        return try await kind.makeClassifier(block, for: MLFactories.score(block), context: context)
    }

    func stored(_ version: Int, _ algorithm: TextModelAlgorithm = .logisticRegression) throws -> StoredModelArtifact {
        StoredModelArtifact(version: version, data: try MLFactories.trainedArtifact(algorithm).encoded())
    }

    @Test("The standard registry has the ml type")
    func registered() {
        #expect(ClassifierRegistry.standard.kind("ml")?.type == "ml")
    }

    @Test("Without a trained model the error says how to train one")
    func missingArtifact() async {
        do {
            _ = try await classifier([])
            Issue.record("expected an error")
        } catch {
            #expect(error as? MLClassifierError == .noTrainedModel(scorecard: "calls", score: "topic", version: nil))
            #expect("\(error)".contains("plexus train --scorecard calls --score topic"))
        }
    }

    @Test("A pinned model_version that is not stored is reported with its number")
    func missingPinnedVersion() async throws {
        let artifacts = [try stored(1)]
        await #expect(throws: MLClassifierError.noTrainedModel(scorecard: "calls", score: "topic", version: 2)) {
            try await classifier(artifacts, block: MLFactories.mlBlock(["model_version": 2]))
        }
    }

    @Test("The value is the most probable class and the confidence its probability", arguments: TextModelAlgorithm.allCases)
    func classify(_ algorithm: TextModelAlgorithm) async throws {
        let result = try await classifier([try stored(3, algorithm)])
            .classify(ClassifierInput(item: ScoringItem(id: "1", text: "Customer: I want a refund for this invoice charge")))
        #expect(result.value == "billing")
        #expect(try #require(result.confidence) > 0.5)
        let probabilities = try #require(result.detail?.objectValue?["probabilities"]?.objectValue)
        #expect(probabilities["billing"]?.numberValue == result.confidence)
        #expect(result.detail?.objectValue?["model_version"] == .number(3))
    }

    @Test("The explanation names the text's class words first, with a plus sign")
    func explanation() async throws {
        let result = try await classifier([try stored(1)])
            .classify(ClassifierInput(item: ScoringItem(id: "1", text: "Customer: hello my password login fails, thanks")))
        #expect(result.value == "support")
        guard case .array(let entries)? = result.detail?.objectValue?["top_terms"] else {
            Issue.record("detail has no top_terms")
            return
        }
        let terms = entries.compactMap { $0.objectValue?["term"]?.stringValue }
        #expect(Set(terms.prefix(2)) == ["password", "login"])
        #expect(result.explanation.contains("+password"))
        #expect(result.explanation.contains("+login"))
    }

    @Test("A model whose classes are not the score's is refused")
    func classMismatch() async throws {
        let block = MLFactories.mlBlock()
        let score = ScoreDefinition(key: "topic", name: "Topic", classes: ["Yes", "No"], positiveClass: nil, classifier: block)
        let context = ClassifierContext(scorecardKey: "calls", models: InMemoryArtifacts(artifacts: [try stored(1)]))
        await #expect(throws: MLClassifierError.self) { try await kind.makeClassifier(block, for: score, context: context) }
    }

    @Test("The example block from the docs validates cleanly")
    func validBlock() {
        let block = MLFactories.mlBlock([
            "algorithm": "naive_bayes", "ngram_range": [1, 2], "min_df": 2, "max_features": 20000, "sublinear_tf": false,
            "c": 1.0, "alpha": 1.0, "test_size": 0.2, "seed": 42, "model_version": 3,
        ])
        #expect(kind.validate(block, for: MLFactories.score(block)).isEmpty)
    }

    /// A block with one bad field and the path its problem should name.
    struct BadBlock: Sendable, CustomTestStringConvertible {
        var field: String
        var value: JSONValue
        var path: String
        var testDescription: String { "\(field): \(value) at \(path)" }
    }

    static let badBlocks: [BadBlock] = [
        BadBlock(field: "algorithm", value: "svm", path: "algorithm"),
        BadBlock(field: "ngram_range", value: [2, 1], path: "ngram_range"),
        BadBlock(field: "ngram_range", value: [1], path: "ngram_range"),
        BadBlock(field: "ngram_range", value: [0, 2], path: "ngram_range[0]"),
        BadBlock(field: "ngram_range", value: [1, "two"], path: "ngram_range[1]"),
        BadBlock(field: "min_df", value: 0, path: "min_df"),
        BadBlock(field: "c", value: -1, path: "c"),
        BadBlock(field: "test_size", value: 1, path: "test_size"),
        BadBlock(field: "ngrams", value: [1, 2], path: "ngrams"),
    ]

    @Test("Problems are reported at their paths", arguments: badBlocks)
    func problemPaths(_ bad: BadBlock) {
        let block = MLFactories.mlBlock([bad.field: bad.value])
        #expect(kind.validate(block, for: MLFactories.score(block)).map(\.path) == [bad.path])
    }

    @Test("Training settings come from the block with defaults for what is left out")
    func trainingSettings() throws {
        let settings = try kind.trainingSettings(MLFactories.mlBlock(["algorithm": "naive_bayes", "ngram_range": [1, 3]]))
        #expect(settings == TextModelSettings(algorithm: .naiveBayes, ngramRange: 1...3))
    }
}
