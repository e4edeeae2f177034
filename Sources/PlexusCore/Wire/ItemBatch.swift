/// The body of `POST /api/v1/items/batch`.
public struct ItemBatch: Sendable, Codable, Hashable {
    /// The items to create.
    public var items: [ItemDraft]

    /// Creates a batch body.
    public init(items: [ItemDraft]) {
        self.items = items
    }
}
