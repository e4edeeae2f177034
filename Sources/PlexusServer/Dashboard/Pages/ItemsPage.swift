import Foundation
import PlexusCore
import PlexusStore

/// `/items?q=`: search items by external ID or text.
struct ItemsPage {
    let account: Account
    let query: String
    let items: Page<Item>

    static func load(_ store: SQLStore, account: Account, query: String, cursor: String?) async throws -> ItemsPage {
        let page = try PageRequest(limit: 50, cursor: cursor)
        let items = query.isEmpty
            ? try await store.items(accountID: account.id, page: page)
            : try await store.searchItems(accountID: account.id, containing: query, page: page)
        return ItemsPage(account: account, query: query, items: items)
    }

    func render() -> String {
        let rows = items.data.map { item in
            [HTML.link("/items/\(item.id.rawValue)", item.externalId), HTML.excerpt(item.text), HTML.time(item.createdAt)]
        }
        let next = items.nextCursor.map { cursor in
            "<p class=\"pager\">" + HTML.link("/items?q=\(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&cursor=\(cursor)", "Next page →") + "</p>"
        } ?? ""
        return PageFrame(title: "Items", crumbs: [.init(title: "Overview", href: "/"), .init(title: "Items", href: nil)], accountName: account.name).render("""
            <form class="search" method="get" action="/items"><input name="q" value="\(HTML.escape(query))" placeholder="External ID or text">
            <button type="submit">Search</button></form>
            \(HTML.table(["External ID", "Text", "Created"], rows, empty: query.isEmpty ? "No items yet." : "No item matches '\(query)'."))
            \(next)
            """)
    }
}
