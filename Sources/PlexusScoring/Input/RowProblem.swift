/// A row of an input file that could not be read as an item; it is reported and skipped.
public struct RowProblem: Sendable, Hashable, Error, CustomStringConvertible {
    /// The file the row came from.
    public var file: String
    /// The 1-based line the row starts on.
    public var line: Int
    /// What is wrong with it.
    public var message: String

    /// Creates a problem report.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `items.jsonl:17: missing "text"`.
    public var description: String { "\(file):\(line): \(message)" }
}
