import ArgumentParser
import PlexusClient
import PlexusScoring

/// `plexus train`: fit an `ml` score's text classifier on its stored labels.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train an ml score's text classifier (TF-IDF + logistic regression or naive Bayes) on its stored labels.",
        discussion: """
            Holds out a stratified share of the labels (test_size in the score's classifier block), prints the held-out \
            metrics, and stores the model as the score's next version, which `plexus score` and `evaluate` then use. \
            With MLFLOW_TRACKING_URI or --mlflow, the run is logged and the model registered as a new version of the \
            MLflow registered model named `<scorecard>.<score>`.
            """)

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "The scorecard's key.") var scorecard: String
    @Option(help: "The ml score to train.") var score: String
    @Option(help: "The scorecard version whose settings to use (default: newest).") var version: Int?
    @Option(help: "MLflow tracking URI (env MLFLOW_TRACKING_URI).") var mlflow: String?

    func run() async throws {
        let report = try await connection.withClient { client in
            try await ScoringSession.open(client: client, scorecard: scorecard, version: version).train(score: score)
        }
        let evaluation = report.model.evaluation
        print("Trained \(report.model.algorithm.rawValue) for '\(scorecard)/\(score)' on \(evaluation.trainingCount) items; "
              + "held out \(evaluation.heldOutCount); \(report.model.vocabulary.count) terms.")
        if let metrics = evaluation.metrics {
            print(String(format: "Held-out accuracy %.3f, macro F1 %.3f, kappa %.3f", metrics.accuracy, metrics.macro.f1, metrics.cohensKappa))
        }
        print("Stored as model version \(report.stored.version).")
        if let uri = MLflowTracking.uri(flag: mlflow) {
            let logged = try await report.logToMLflow(uri: uri, scorecard: scorecard, score: score)
            print("MLflow: run \(logged.runID), registered model '\(logged.modelName)' version \(logged.modelVersion).")
        }
    }
}
