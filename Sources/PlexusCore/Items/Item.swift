import Foundation

/// A piece of content to score: a transcript, a chat log, a document or an agent trace.
public struct Item: Sendable, Codable, Hashable {
    /// The item's unique ID.
    public var id: Identifier<Item>
    /// The account that owns it.
    public var accountId: Identifier<Account>
    /// The caller's own ID for the item, unique within the account.
    public var externalId: String
    /// The content.
    public var text: String
    /// Free-form attributes, such as call duration or channel.
    public var metadata: JSONValue?
    /// When the item was created.
    public var createdAt: Date

    /// Creates an item value.
    public init(id: Identifier<Item>, accountId: Identifier<Account>, externalId: String, text: String, metadata: JSONValue?, createdAt: Date) {
        self.id = id
        self.accountId = accountId
        self.externalId = externalId
        self.text = text
        self.metadata = metadata
        self.createdAt = createdAt
    }
}
