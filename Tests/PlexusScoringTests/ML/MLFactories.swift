import Foundation
import PlexusCore
import PlexusScoring

/// Small corpora and settings the `ml` tests build on.
enum MLFactories {
    static let billingWords = ["invoice", "refund", "charge", "payment", "billing", "card"]
    static let supportWords = ["password", "login", "crash", "error", "reset", "broken"]
    static let fillerWords = ["hello", "thanks", "please", "today", "customer", "agent", "okay", "sure"]

    /// `count` texts per class; each has three of its class's words among five filler words, chosen by position.
    static func separableCorpus(count: Int = 40) -> [(text: String, label: String)] {
        (0..<count).flatMap { index -> [(text: String, label: String)] in
            [("billing", billingWords), ("support", supportWords)].map { label, words in
                let topic = (0..<3).map { words[(index + $0 * 2) % words.count] }
                let filler = (0..<5).map { fillerWords[(index * 3 + $0) % fillerWords.count] }
                return (text: "Customer: " + (filler.prefix(3) + topic + filler.suffix(2)).joined(separator: " "), label: label)
            }
        }
    }

    /// A score of the `ml` type with classes billing and support.
    static func score(_ classifier: JSONValue = mlBlock()) -> ScoreDefinition {
        ScoreDefinition(key: "topic", name: "Topic", classes: ["billing", "support"], positiveClass: nil, classifier: classifier)
    }

    /// An `ml` classifier block with `extra` fields.
    static func mlBlock(_ extra: [String: JSONValue] = [:]) -> JSONValue {
        .object(["type": .string("ml")].merging(extra) { $1 })
    }

    /// The artifact of a model trained on the separable corpus.
    static func trainedArtifact(_ algorithm: TextModelAlgorithm = .logisticRegression) throws -> TrainedTextModel {
        try TextModelTrainer(settings: TextModelSettings(algorithm: algorithm, ngramRange: 1...2)).train(separableCorpus())
    }
}

/// Serves stored artifacts from memory and remembers what was asked.
struct InMemoryArtifacts: ModelArtifactSource {
    var artifacts: [StoredModelArtifact]

    func artifact(scorecard: String, score: String, version: Int?) async throws -> StoredModelArtifact? {
        guard let version else { return artifacts.max { $0.version < $1.version } }
        return artifacts.first { $0.version == version }
    }
}
