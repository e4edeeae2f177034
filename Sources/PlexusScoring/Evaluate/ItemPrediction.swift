/// One evaluated item: its human label and what the classifier said.
public struct ItemPrediction: Sendable, Hashable, Codable {
    /// The item's ID.
    public var itemID: String
    /// The human label.
    public var label: String
    /// The classifier's value.
    public var predicted: String

    /// Creates a prediction record.
    public init(itemID: String, label: String, predicted: String) {
        self.itemID = itemID
        self.label = label
        self.predicted = predicted
    }

    /// Whether the prediction agrees with the label.
    public var isCorrect: Bool { label == predicted }
}
