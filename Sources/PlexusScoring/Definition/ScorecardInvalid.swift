/// A scorecard file that failed to parse or validate, with every problem found in it.
public struct ScorecardInvalid: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in the order they appear in the file.
    public var diagnostics: [ScorecardDiagnostic]

    /// Creates the error.
    public init(diagnostics: [ScorecardDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One diagnostic per line, as `file:line:column: path: message`.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
