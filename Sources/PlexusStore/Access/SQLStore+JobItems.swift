import PlexusCore
import SQLKit

/// Reading stored items by external ID, as scoring jobs that list their items do.
extension SQLStore {
    /// The account's items with these external IDs, in the order asked; unknown IDs are left out.
    public func items(externalIDs: [String], accountID: Identifier<Account>) async throws -> [Item] {
        try await backend.read { db in
            var byExternalID: [String: Item] = [:]
            for chunk in Array(Set(externalIDs)).chunked(into: 900) {
                let rows = try await db.raw("""
                    SELECT * FROM items WHERE account_id = \(bind: accountID.rawValue) AND external_id IN (\(binds: chunk))
                    """).all()
                for row in rows {
                    let item = try Self.item(from: row)
                    byExternalID[item.externalId] = item
                }
            }
            return externalIDs.compactMap { byExternalID[$0] }
        }
    }
}
