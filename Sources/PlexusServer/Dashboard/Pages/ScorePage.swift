import Foundation
import PlexusCore
import PlexusStore

/// `/scorecards/{key}/scores/{scoreKey}?value=`: one score's results, newest first, filterable by
/// value and paginated, and the evaluations of that score.
struct ScorePage {
    let account: Account
    let scorecard: Scorecard
    let score: Score
    let value: String?
    let results: Page<ScoreResult>
    let evaluations: [Evaluation]
    let names: DisplayNames

    static func load(_ store: SQLStore, account: Account, key: String, scoreKey: String, value: String?, cursor: String?) async throws -> ScorePage? {
        guard let scorecard = try await store.scorecard(key, accountID: account.id), let score = scorecard.score(scoreKey) else { return nil }
        let filter = ScoreResultFilter(scoreId: score.id, value: value)
        async let results = store.scoreResults(accountID: account.id, filter: filter, page: PageRequest(limit: 50, cursor: cursor))
        async let evaluations = store.evaluations(accountID: account.id, scorecardID: scorecard.id, page: PageRequest(limit: 50)).data
        let loaded = try await results
        let names = try await store.displayNames(scores: [score.id], items: loaded.data.map(\.itemId), accountID: account.id)
        return ScorePage(account: account, scorecard: scorecard, score: score, value: value, results: loaded,
                         evaluations: try await evaluations.filter { $0.scoreId == score.id }, names: names)
    }

    private var path: String { "/scorecards/\(scorecard.key)/scores/\(score.key)" }

    func render() -> String {
        let filters = ([nil] + score.classes).map { option -> String in
            let label = option ?? "All"
            let href = path + (option.map { "?value=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) } ?? "")
            return option == value ? "<strong>\(HTML.escape(label))</strong>" : HTML.link(href, label)
        }.joined(separator: " · ")
        let now = Date()
        let rows = results.data.map { result in
            [HTML.time(result.createdAt, now: now), HTML.escape(result.value), HTML.number(result.confidence, decimals: 2),
             HTML.itemLink(result.itemId, names), HTML.excerpt(result.explanation ?? "", limit: 200),
             result.cost.map { "$" + HTML.number($0, decimals: 4) } ?? "–"]
        }
        let query = value.map { "value=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0)&" } ?? ""
        let next = results.nextCursor.map { "<p class=\"pager\">\(HTML.link("\(path)?\(query)cursor=\($0)", "Next page →"))</p>" } ?? ""
        let frame = PageFrame(
            title: score.name,
            crumbs: [.init(title: "Overview", href: "/"), .init(title: "Scorecards", href: "/scorecards"),
                     .init(title: scorecard.name, href: "/scorecards/\(scorecard.key)"), .init(title: score.name, href: nil)],
            accountName: account.name, live: ["live-scorecard": scorecard.id.rawValue])
        return frame.render("""
            <p><code>\(HTML.escape(score.key))</code> · classes \(HTML.escape(score.classes.joined(separator: " · ")))</p>
            <h2>Evaluations</h2>
            \(EvaluationTable(evaluations: evaluations, names: names, now: now).render())
            <h2>Results</h2>
            <p>Value: \(filters)</p>
            \(HTML.table(["Time", "Value", "Confidence", "Item", "Explanation", "Cost"], rows, empty: "No results for this score\(value.map { " with value \($0)" } ?? "") yet."))
            \(next)
            """)
    }
}
