import PlexusCore

/// Why a `logic` expression could not be parsed or evaluated, and where.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The text is not a valid expression (found when the scorecard is validated).
        case syntax
        /// An operator or function got values of the wrong type.
        case type
        /// A division by zero.
        case divisionByZero
    }

    /// What went wrong.
    public var kind: Kind
    /// What is wrong, naming the offending token or values.
    public var message: String
    /// The 1-based column in the expression where it went wrong.
    public var column: Int

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, column: Int) {
        self.kind = kind
        self.message = message
        self.column = column
    }

    /// `expected ')' at column 17`.
    public var description: String { "\(message) at column \(column)" }

    /// A type error naming the operation and the values it got.
    static func mismatch(_ what: String, _ values: [JSONValue], _ column: Int) -> ExpressionError {
        ExpressionError(.type, "\(what), got \(values.map(BlockFields.describe).joined(separator: " and "))", column: column)
    }
}
