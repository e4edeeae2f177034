import PlexusCore
/// One token of a `logic` expression, with the column it starts at.
struct ExpressionToken: Sendable, Hashable {
    /// The kinds of token.
    enum Kind: Sendable, Hashable {
        case number(Double)
        case string(String)
        /// A name such as `metadata.duration_seconds` or `len`.
        case name(String)
        /// `and`, `or`, `not`, `in`, `true`, `false`, `null`.
        case keyword(String)
        /// An operator or punctuation: `==`, `<=`, `(`, `,` ...
        case symbol(String)
        case end
    }

    var kind: Kind
    /// 1-based column of the token's first character.
    var column: Int

    /// The token as the user wrote it, for error messages.
    var text: String {
        switch kind {
        case .number(let value): value.plainText
        case .string(let value): "'\(value)'"
        case .name(let value), .keyword(let value), .symbol(let value): value
        case .end: "the end of the expression"
        }
    }
}
