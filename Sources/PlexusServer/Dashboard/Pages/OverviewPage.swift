import PlexusCore
import PlexusStore

/// `/`: totals, recent evaluations and recent results.
struct OverviewPage {
    let account: Account
    let counts: SQLStore.AccountCounts
    let evaluations: [Evaluation]
    let results: [ScoreResult]

    static func load(_ store: SQLStore, account: Account) async throws -> OverviewPage {
        async let counts = store.counts(accountID: account.id)
        async let evaluations = store.evaluations(accountID: account.id, page: PageRequest(limit: 10)).data
        async let results = store.scoreResults(accountID: account.id, filter: ScoreResultFilter(), page: PageRequest(limit: 10)).data
        return OverviewPage(account: account, counts: try await counts, evaluations: try await evaluations, results: try await results)
    }

    func render() -> String {
        let cards = [("Scorecards", counts.scorecards, "/scorecards"), ("Items", counts.items, "/items"),
                     ("Score results", counts.scoreResults, nil), ("Evaluations", counts.evaluations, nil)]
            .map { label, value, href -> String in
                let number = href.map { "<a href=\"\($0)\">\(value)</a>" } ?? "\(value)"
                return "<div class=\"card\"><div class=\"value\">\(number)</div><div class=\"label\">\(label)</div></div>"
            }.joined()
        return PageFrame(title: "Overview", accountName: account.name).render("""
            <div class="cards">\(cards)</div>
            <h2>Recent evaluations</h2>
            \(EvaluationTable(evaluations: evaluations).render())
            <h2>Recent activity</h2>
            \(HTML.table(["Time", "Value", "Confidence", "Item", "Explanation"], results.map { result in
                [PlexusJSON.formatDate(result.createdAt), HTML.escape(result.value), HTML.number(result.confidence, decimals: 2),
                 HTML.link("/items/\(result.itemId.rawValue)", HTML.shortID(result.itemId.rawValue)), HTML.escape(result.explanation ?? "")]
            }, empty: "No score results yet. Record some with `plexus score-result create` or POST /api/v1/score-results/batch."))
            """)
    }
}
