/// Where a scoring run sends its results: the server over HTTP, the store directly, or memory.
public protocol ScoringSink: Sendable {
    /// Of `itemIDs`, those already scored by this scorecard version, so a resumed run skips them.
    func alreadyScored(_ itemIDs: [String]) async throws -> Set<String>

    /// Stores a batch of outcomes; when this returns, they are durable.
    func record(_ outcomes: [ItemOutcome]) async throws
}
