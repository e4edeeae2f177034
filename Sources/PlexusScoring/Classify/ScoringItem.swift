import PlexusCore

/// One piece of content to score: a transcript, a chat log, a document.
public struct ScoringItem: Sendable, Hashable, Codable {
    /// The caller's ID for the item (stored as the item's external ID).
    public var id: String
    /// The text classifiers read.
    public var text: String
    /// Free-form metadata that `logic` classifiers and prompt templates can read.
    public var metadata: [String: JSONValue]

    /// Creates an item.
    public init(id: String, text: String, metadata: [String: JSONValue] = [:]) {
        self.id = id
        self.text = text
        self.metadata = metadata
    }
}
