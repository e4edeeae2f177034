/// A classifier that threw for one item; the run goes on with the next.
public struct ScoringFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The score whose classifier failed.
    public var scoreKey: String
    /// The item it failed on.
    public var itemID: String
    /// The classifier's error, as text.
    public var message: String

    /// Creates a failure record.
    public init(scoreKey: String, itemID: String, message: String) {
        self.scoreKey = scoreKey
        self.itemID = itemID
        self.message = message
    }

    /// `resolved on call-0007: <message>`.
    public var description: String { "\(scoreKey) on \(itemID): \(message)" }
}
