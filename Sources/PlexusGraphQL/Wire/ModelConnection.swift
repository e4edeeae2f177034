import PlexusCore

/// One page of a list query, shaped as Amplify shapes it: `{ items, nextToken }`, where
/// `nextToken` is null on the last page.
struct ModelConnection<Node: Sendable>: Sendable {
    /// The rows of this page.
    let items: [Node]
    /// Pass this as `nextToken` to get the next page.
    let nextToken: String?

    /// The connection of a store page.
    init(_ page: Page<Node>) {
        items = page.data
        nextToken = page.nextCursor
    }
}
