import Foundation
import PlexusCore
import PlexusStore

/// A table of evaluations with their score, kind, status, progress and accuracy, linking to each.
struct EvaluationTable {
    let evaluations: [Evaluation]
    let names: DisplayNames
    var now = Date()

    func render() -> String {
        HTML.table(["Evaluation", "Score", "Kind", "Status", "Progress", "Accuracy", "Updated"], evaluations.map { evaluation in
            [HTML.link("/evaluations/\(evaluation.id.rawValue)", HTML.shortID(evaluation.id.rawValue)), HTML.scoreLink(evaluation.scoreId, names),
             Self.kind(evaluation), "<span class=\"status \(evaluation.status.rawValue)\">\(evaluation.status.rawValue)</span>",
             "\(evaluation.processedItems)" + (evaluation.totalItems.map { " / \($0)" } ?? ""),
             HTML.number(evaluation.accuracy), HTML.time(evaluation.updatedAt, now: now)]
        }, empty: "No evaluations yet. Run `plexus evaluate --scorecard KEY`, or try `plexus experiment simulate --scorecard-key KEY`.")
    }

    /// The evaluation's type, with simulations marked as such so no one takes them for a measurement.
    static func kind(_ evaluation: Evaluation) -> String {
        evaluation.isSimulation ? "<span class=\"tag\">simulated</span>" : HTML.escape(evaluation.type)
    }
}

extension Evaluation {
    /// Whether the evaluation came from `plexus experiment simulate` (synthetic predictions) rather than a classifier.
    var isSimulation: Bool { type == "simulation" }
}
