import PlexusCore
import PlexusStore

/// `/scorecards/{key}`: sections and scores, with result counts and the latest evaluations.
struct ScorecardPage {
    let account: Account
    let scorecard: Scorecard
    let resultCounts: [Identifier<Score>: Int]
    let evaluations: [Evaluation]
    let names: DisplayNames

    static func load(_ store: SQLStore, account: Account, key: String) async throws -> ScorecardPage? {
        guard let scorecard = try await store.scorecard(key, accountID: account.id) else { return nil }
        async let counts = store.resultCounts(scorecardID: scorecard.id, accountID: account.id)
        async let evaluations = store.evaluations(accountID: account.id, scorecardID: scorecard.id, page: PageRequest(limit: 20)).data
        let loaded = try await evaluations
        let names = try await store.displayNames(scores: loaded.compactMap(\.scoreId), items: [Identifier<Item>](), accountID: account.id)
        return ScorecardPage(account: account, scorecard: scorecard, resultCounts: try await counts, evaluations: loaded, names: names)
    }

    /// The newest evaluation of `score` with an accuracy: a real one when there is one, else a simulation (marked as such).
    private func latest(_ score: Score) -> Evaluation? {
        let measured = evaluations.filter { $0.scoreId == score.id && $0.accuracy != nil }
        return measured.first { !$0.isSimulation } ?? measured.first
    }

    func render() -> String {
        let sections = scorecard.sections.map { section -> String in
            "<h2>\(HTML.escape(section.name))</h2>" + HTML.table(["Score", "Key", "Classes", "Results", "Latest accuracy"], section.scores.map { score in
                let latest = latest(score)
                return [HTML.link("/scorecards/\(scorecard.key)/scores/\(score.key)", score.name), "<code>\(HTML.escape(score.key))</code>",
                        HTML.escape(score.classes.joined(separator: " · ")) + (score.positiveClass.map { " (positive: \(HTML.escape($0)))" } ?? ""),
                        "\(resultCounts[score.id] ?? 0)",
                        latest.map { HTML.link("/evaluations/\($0.id.rawValue)", HTML.number($0.accuracy)) + ($0.isSimulation ? " <span class=\"tag\">simulated</span>" : "") } ?? "–"]
            }, empty: "This section has no scores.")
        }.joined(separator: "\n")
        let frame = PageFrame(
            title: scorecard.name, crumbs: [.init(title: "Overview", href: "/"), .init(title: "Scorecards", href: "/scorecards"), .init(title: scorecard.name, href: nil)],
            accountName: account.name, live: ["live-scorecard": scorecard.id.rawValue])
        return frame.render("""
            <p>\(HTML.escape(scorecard.description)) <span class="status">v\(scorecard.version)</span> <code>\(HTML.escape(scorecard.key))</code></p>
            \(sections)
            <h2>Evaluations</h2>
            \(EvaluationTable(evaluations: evaluations, names: names).render())
            """)
    }
}
