import PlexusCore

/// Items: create many at once and read one.
public struct ItemsResource: Sendable {
    let core: ClientCore

    /// Creates items; an external ID that already exists is reported as a duplicate and left unchanged.
    public func batchCreate(_ drafts: [ItemDraft]) async throws -> BatchOutcome<Item> {
        try LocalValidation.check {
            for (index, draft) in drafts.enumerated() { try draft.validate(field: "items[\(index)]") }
        }
        // External IDs are unique per account, so resending the batch creates nothing twice.
        return try await core.transport.send(try .post("items", "batch", body: ItemBatch(items: drafts), retryable: true))
    }

    /// The item with Plexus ID `id`.
    public func get(id: Identifier<Item>) async throws -> Item {
        try await core.transport.send(.get("items", id.rawValue, subject: ("item", id.rawValue)))
    }
}
