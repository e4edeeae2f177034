/// Why a text model could not be trained.
public enum TextModelTrainingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fewer than two distinct labels among the examples.
    case needsTwoClasses(found: [String])
    /// Fewer training examples than `min_df`.
    case minDFAboveDocumentCount(minDF: Int, documents: Int)
    /// No term occurs in at least `min_df` training texts.
    case emptyVocabulary(minDF: Int, documents: Int)
    /// A setting is out of range.
    case invalidSetting(name: String, value: String, expected: String)

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .needsTwoClasses(let found):
            "Training needs examples of at least two classes; found \(found.isEmpty ? "none" : found.joined(separator: ", ")). Label more items."
        case .minDFAboveDocumentCount(let minDF, let documents):
            "min_df is \(minDF) but only \(documents) texts are used for training; lower min_df or label more items."
        case .emptyVocabulary(let minDF, let documents):
            "No term occurs in at least \(minDF) of the \(documents) training texts; lower min_df or check that the texts have words."
        case .invalidSetting(let name, let value, let expected):
            "\(name) is \(value); expected \(expected)."
        }
    }
}
