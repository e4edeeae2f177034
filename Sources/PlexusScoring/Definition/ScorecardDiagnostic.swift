/// One problem in a scorecard file, located by line, column and field path.
public struct ScorecardDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file name as given to the parser, e.g. `call-qa.yaml`.
    public var file: String
    /// The line, starting at 1.
    public var line: Int
    /// The column, starting at 1, counted in Unicode scalars.
    public var column: Int
    /// The field, e.g. `sections[0].scores[2].classifier.outcomes[1].when`; empty for the whole file.
    public var path: String
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates a diagnostic.
    public init(file: String, line: Int, column: Int, path: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// The diagnostic as compilers print them: `call-qa.yaml:14:9: sections[0].scores[2].classes: message`.
    public var description: String {
        let location = "\(file):\(line):\(column)"
        return path.isEmpty ? "\(location): \(message)" : "\(location): \(path): \(message)"
    }
}
