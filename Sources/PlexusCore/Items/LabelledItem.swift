/// An item with its label for one score, as training and evaluation read them.
public struct LabelledItem: Sendable, Codable, Hashable {
    /// The item's external ID.
    public var itemId: String
    /// The item's content.
    public var text: String
    /// The item's free-form attributes.
    public var metadata: JSONValue?
    /// The label's value: the correct class.
    public var label: String

    /// Creates a labelled item value.
    public init(itemId: String, text: String, metadata: JSONValue?, label: String) {
        self.itemId = itemId
        self.text = text
        self.metadata = metadata
        self.label = label
    }
}
