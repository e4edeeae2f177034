/// What a batch write did: how many rows it created, how many were already there, and every row's ID.
public struct BatchOutcome<Entity>: Sendable, Hashable, Codable {
    /// Rows newly created.
    public var created: Int
    /// Rows that already existed (same idempotency key) and were left unchanged.
    public var duplicates: Int
    /// The ID of every row, in request order; duplicates give the existing row's ID.
    public var ids: [Identifier<Entity>]

    /// Creates an outcome.
    public init(created: Int, duplicates: Int, ids: [Identifier<Entity>]) {
        self.created = created
        self.duplicates = duplicates
        self.ids = ids
    }
}
