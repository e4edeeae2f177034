import PlexusCore
import PlexusScoring
import PlexusStore

/// The stored items a scoring job selected, read a page at a time so memory stays flat however
/// many items the account holds.
struct StoredItemRows: AsyncSequence, Sendable {
    typealias Element = ItemRow

    /// Items read per query.
    static let pageSize = 500

    let store: SQLStore
    let accountID: Identifier<Account>
    let selection: JobItemSelection

    func makeAsyncIterator() -> Iterator {
        Iterator(rows: self)
    }

    /// Reads the next page when the current one is used up.
    struct Iterator: AsyncIteratorProtocol {
        let rows: StoredItemRows
        private var page: [Item] = []
        private var index = 0
        private var read = 0
        private var offset = 0
        private var cursor: String?
        private var exhausted = false

        init(rows: StoredItemRows) {
            self.rows = rows
        }

        mutating func next() async throws -> ItemRow? {
            // Stopping here, rather than handing the scorer more items, ends a cancelled job promptly.
            try Task.checkCancellation()
            while index == page.count {
                guard !exhausted else { return nil }
                try await fetch()
            }
            let item = page[index]
            index += 1
            read += 1
            let scoring = ScoringItem(id: item.externalId, text: item.text, metadata: item.metadata?.objectValue ?? [:])
            return .item(InputItem(item: scoring), line: read)
        }

        private mutating func fetch() async throws {
            index = 0
            switch rows.selection {
            case .listed(let ids):
                // Items deleted since the job was created are left out; `offset` counts IDs asked, not items found.
                let end = Swift.min(ids.count, offset + StoredItemRows.pageSize)
                page = try await rows.store.items(externalIDs: Array(ids[offset..<end]), accountID: rows.accountID)
                offset = end
                exhausted = end >= ids.count
            case .all, .unscored:
                let result = try await rows.store.items(
                    accountID: rows.accountID, page: try PageRequest(limit: StoredItemRows.pageSize, cursor: cursor))
                page = result.data
                cursor = result.nextCursor
                exhausted = cursor == nil
            }
        }
    }
}
