import PlexusCore
import PlexusScoring

/// Gathers the labelled items an evaluation runs on: from a labelled input file, or from the
/// labels stored on the server, merged per item across scores; then samples them if asked.
enum LabelledInputs {
    static func load(_ options: EvaluationOptions, scores: [String], session: ScoringSession) async throws -> [InputItem] {
        var items: [InputItem]
        if let path = options.inputFile {
            items = []
            var seen: Set<String> = []
            for try await row in try ItemFile(path: path) {
                // A repeated ID is one item: the server keeps one result for it, so the tally must too.
                if case .item(let item, _) = row, !item.labels.isEmpty, seen.insert(item.item.id).inserted { items.append(item) }
            }
        } else {
            items = try await stored(scores: scores, session: session)
        }
        return EvaluationSample.draw(items, sample: options.sample, seed: options.seed)
    }

    private static func stored(scores: [String], session: ScoringSession) async throws -> [InputItem] {
        var merge = LabelledItemMerge()
        for score in scores {
            for labelled in try await session.client.scorecards.allLabelledItems(session.definition.key, score: score) {
                merge.add(labelled, score: score)
            }
        }
        return merge.items
    }
}
