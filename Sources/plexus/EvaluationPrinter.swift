import Foundation
import PlexusClient
import PlexusScoring

/// Prints an evaluation report and, when asked, logs it to MLflow.
enum EvaluationPrinter {
    static func print(_ report: EvaluationReport) {
        Swift.print("Evaluated '\(report.scorecardKey)' version \(report.version) on \(report.items) labelled items.")
        if !report.unlabelledScores.isEmpty {
            Swift.print("Not evaluated (no labels): \(report.unlabelledScores.joined(separator: ", ")).")
        }
        Output.table(
            ["SCORE", "CLASSIFIER", "N", "ACCURACY", "PRECISION", "RECALL", "SPECIFICITY", "F1", "KAPPA", "AC1", "COST $", "EVALUATION"],
            report.scores.map { score in
                let metrics = score.tally.metrics
                return [score.tally.score.key, score.classifierType, String(score.tally.compared)]
                    + [metrics.accuracy, metrics.precision, metrics.recall, metrics.specificity, metrics.f1, metrics.kappa, metrics.ac1]
                        .map { String(format: "%.3f", $0) }
                    + [String(format: "%.4f", score.tally.usage.cost), score.evaluationID.rawValue]
            })
        for score in report.scores {
            Swift.print("\nConfusion matrix for \(score.tally.score.key) (rows: label, columns: prediction)")
            let matrix = score.tally.matrix
            Output.table(["label \\ predicted"] + matrix.labels, matrix.labels.enumerated().map { row, label in [label] + matrix.counts[row].map(String.init) })
        }
        Swift.print(String(format: "\nTotal cost $%.4f; %d failures; %.1f items/s.", report.progress.usage.cost, report.progress.failures, report.progress.itemsPerSecond))
    }

    static func logToMLflow(_ report: EvaluationReport, uri: String) async throws {
        let logger = MLflowLogger(client: try MLflowClient(trackingURI: uri))
        for run in try report.mlflowRuns() {
            let logged = try await logger.log(run)
            Swift.print("MLflow: logged \(run.runName) as run \(logged.runID): \(logged.url)")
            for note in logged.notes { Swift.print("  note: \(note)") }
        }
    }
}
