import PlexusCore
import PlexusStore

/// `/scorecards`: every scorecard of the account.
struct ScorecardsPage {
    let account: Account
    let scorecards: Page<Scorecard>

    static func load(_ store: SQLStore, account: Account, cursor: String?) async throws -> ScorecardsPage {
        ScorecardsPage(account: account, scorecards: try await store.scorecards(accountID: account.id, page: PageRequest(limit: 50, cursor: cursor)))
    }

    func render() -> String {
        let rows = scorecards.data.map { card in
            [HTML.link("/scorecards/\(card.key)", card.name), "<code>\(HTML.escape(card.key))</code>", "\(card.version)",
             "\(card.allScores.count)", HTML.escape(card.description)]
        }
        let next = scorecards.nextCursor.map { "<p class=\"pager\">\(HTML.link("/scorecards?cursor=\($0)", "Next page →"))</p>" } ?? ""
        return PageFrame(title: "Scorecards", crumbs: [.init(title: "Overview", href: "/"), .init(title: "Scorecards", href: nil)],
                         accountName: account.name).render(
            HTML.table(["Name", "Key", "Version", "Scores", "Description"], rows,
                       empty: "No scorecards yet. Push one with `plexus scorecard push examples/call-qa/scorecard.yaml`, or load the demo with `plexus demo`.") + next)
    }
}
