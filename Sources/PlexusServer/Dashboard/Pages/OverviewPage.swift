import Foundation
import PlexusCore
import PlexusStore

/// `/`: totals, recent evaluations and recent results.
struct OverviewPage {
    let account: Account
    let counts: SQLStore.AccountCounts
    let evaluations: [Evaluation]
    let results: [ScoreResult]
    let names: DisplayNames

    static func load(_ store: SQLStore, account: Account) async throws -> OverviewPage {
        async let counts = store.counts(accountID: account.id)
        async let evaluations = store.evaluations(accountID: account.id, page: PageRequest(limit: 10)).data
        async let results = store.scoreResults(accountID: account.id, filter: ScoreResultFilter(), page: PageRequest(limit: 10)).data
        let (loadedEvaluations, loadedResults) = (try await evaluations, try await results)
        let names = try await store.displayNames(
            scores: loadedEvaluations.compactMap(\.scoreId) + loadedResults.map(\.scoreId), items: loadedResults.map(\.itemId), accountID: account.id)
        return OverviewPage(account: account, counts: try await counts, evaluations: loadedEvaluations, results: loadedResults, names: names)
    }

    func render() -> String {
        let now = Date()
        let cards = [("Scorecards", counts.scorecards, "/scorecards"), ("Items", counts.items, "/items"),
                     ("Score results", counts.scoreResults, nil), ("Evaluations", counts.evaluations, nil)]
            .map { label, value, href -> String in
                let number = href.map { "<a href=\"\($0)\">\(value)</a>" } ?? "\(value)"
                return "<div class=\"card\"><div class=\"value\">\(number)</div><div class=\"label\">\(label)</div></div>"
            }.joined()
        return PageFrame(title: "Overview", accountName: account.name).render("""
            <div class="cards">\(cards)</div>
            <h2>Recent evaluations</h2>
            \(EvaluationTable(evaluations: evaluations, names: names, now: now).render())
            <h2>Recent activity</h2>
            \(HTML.table(["Time", "Score", "Value", "Confidence", "Item", "Explanation"], results.map { result in
                [HTML.time(result.createdAt, now: now), HTML.scoreLink(result.scoreId, names), HTML.escape(result.value),
                 HTML.number(result.confidence, decimals: 2), HTML.itemLink(result.itemId, names), HTML.excerpt(result.explanation ?? "", limit: 120)]
            }, empty: "No score results yet. Record some with `plexus score-result create` or POST /api/v1/score-results/batch."))
            """)
    }
}
