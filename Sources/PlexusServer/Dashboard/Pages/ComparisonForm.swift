import PlexusCore
import PlexusStore

/// The evaluation page's "Compare with" form: a select of other completed evaluations of the same
/// score. It submits with GET to `/evaluations/{id}/compare`, which redirects to the comparison page,
/// so it works without JavaScript.
struct ComparisonForm {
    /// The most evaluations the select offers.
    static let maximumChoices = 20

    let evaluation: Evaluation
    /// Completed evaluations of the same scorecard and score, newest first.
    let choices: [Evaluation]

    /// The form for `evaluation`, offering the newest completed evaluations of its score among the
    /// scorecard's latest ``PageRequest/maximumLimit`` evaluations.
    static func load(_ store: SQLStore, account: Account, evaluation: Evaluation) async throws -> ComparisonForm {
        let recent = try await store.evaluations(
            accountID: account.id, scorecardID: evaluation.scorecardId, page: try PageRequest(limit: PageRequest.maximumLimit)).data
        let choices = recent.filter { other in
            other.id != evaluation.id && other.status == .completed && other.scoreId == evaluation.scoreId
        }
        return ComparisonForm(evaluation: evaluation, choices: Array(choices.prefix(maximumChoices)))
    }

    func render() -> String {
        guard !choices.isEmpty else {
            return "<h2>Compare</h2><p class=\"empty\">No other completed evaluation of this score to compare with yet.</p>"
        }
        let options = choices.map { other -> String in
            let label = "\(HTML.shortID(other.id.rawValue)) · \(PlexusJSON.formatDate(other.createdAt)) · accuracy \(HTML.number(other.accuracy))"
            return "<option value=\"\(HTML.escape(other.id.rawValue))\">\(HTML.escape(label))</option>"
        }.joined()
        return """
            <h2>Compare</h2>
            <form class="search" method="get" action="/evaluations/\(HTML.escape(evaluation.id.rawValue))/compare">
            <label for="candidate">Compare with</label> <select id="candidate" name="candidate">\(options)</select>
            <button class="button" type="submit">Compare</button></form>
            """
    }
}
