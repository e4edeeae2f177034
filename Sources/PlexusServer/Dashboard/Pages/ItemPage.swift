import Foundation
import PlexusCore
import PlexusStore

/// `/items/{id}`: one item's text, metadata and results.
struct ItemPage {
    let account: Account
    let item: Item
    let results: [ScoreResult]
    let names: DisplayNames

    static func load(_ store: SQLStore, account: Account, id: String) async throws -> ItemPage? {
        guard let item = try await store.item(id, accountID: account.id) else { return nil }
        let results = try await store.scoreResults(accountID: account.id, filter: ScoreResultFilter(itemId: item.id), page: PageRequest(limit: 200)).data
        let names = try await store.displayNames(scores: results.map(\.scoreId), items: [Identifier<Item>](), accountID: account.id)
        return ItemPage(account: account, item: item, results: results, names: names)
    }

    func render() -> String {
        let metadata = item.metadata.map { "<pre>\(HTML.escape(JSONDisplay.text($0)))</pre>" } ?? "<p class=\"empty\">No metadata.</p>"
        return PageFrame(title: item.externalId, crumbs: [.init(title: "Overview", href: "/"), .init(title: "Items", href: "/items"), .init(title: item.externalId, href: nil)],
                         accountName: account.name).render("""
            <h2>Text</h2><pre class="text">\(HTML.escape(item.text))</pre>
            <h2>Metadata</h2>\(metadata)
            <h2>Results</h2>
            \(HTML.table(["Time", "Score", "Value", "Confidence", "Explanation"], results.map { result in
                [HTML.time(result.createdAt), HTML.scoreLink(result.scoreId, names), HTML.escape(result.value),
                 HTML.number(result.confidence, decimals: 2), HTML.escape(result.explanation ?? "")]
            }, empty: "No results for this item yet."))
            """)
    }
}
