/// Why an input file cannot be read at all (bad rows are reported one by one instead).
public enum ItemFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file does not exist or cannot be opened.
    case unreadable(file: String, reason: String)
    /// The extension names no known format.
    case unknownFormat(file: String)
    /// A CSV header without the required columns.
    case missingColumns(file: String, found: [String])

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "Cannot read \(file): \(reason)."
        case .unknownFormat(let file):
            "Cannot tell the format of \(file): name it .jsonl (one JSON object per line) or .csv (with a header row)."
        case .missingColumns(let file, let found):
            "\(file): the header must have 'id' and 'text' columns (plus optional metadata and 'label:<score>' columns); found \(found)."
        }
    }
}
