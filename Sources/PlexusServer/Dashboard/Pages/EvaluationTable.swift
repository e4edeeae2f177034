import PlexusCore

/// A table of evaluations with status, progress and accuracy, linking to each.
struct EvaluationTable {
    let evaluations: [Evaluation]

    func render() -> String {
        HTML.table(["Evaluation", "Type", "Status", "Progress", "Accuracy", "Updated"], evaluations.map { evaluation in
            [HTML.link("/evaluations/\(evaluation.id.rawValue)", HTML.shortID(evaluation.id.rawValue)), HTML.escape(evaluation.type),
             "<span class=\"status \(evaluation.status.rawValue)\">\(evaluation.status.rawValue)</span>",
             "\(evaluation.processedItems)" + (evaluation.totalItems.map { " / \($0)" } ?? ""),
             HTML.number(evaluation.accuracy), PlexusJSON.formatDate(evaluation.updatedAt)]
        }, empty: "No evaluations yet. Try `plexus experiment simulate --scorecard-key KEY`.")
    }
}
