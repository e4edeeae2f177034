import PlexusCore

/// A parsed `logic` expression: a small, safe language over item metadata and earlier results.
///
/// Literals (`600`, `'No'`, `"No"`, `true`, `false`, `null`, `[1, 2]`), names (`metadata.a.b`,
/// `scores.<key>`, `scores.<key>.confidence`), comparisons (`== != < <= > >=`, `in`, `not in`),
/// `and`, `or`, `not`, arithmetic (`+ - * /`), parentheses and the functions `len`, `contains`,
/// `lower` and `upper`. Nothing else can run: there is no assignment, no loop and no access
/// to anything but the item's metadata and its earlier results.
public struct LogicExpression: Sendable {
    /// The deepest nesting of operators, brackets and calls accepted, so hostile input cannot
    /// exhaust the stack while parsing or evaluating.
    public static let maximumDepth = 100

    /// The expression as written.
    public let source: String
    let root: ExpressionNode

    /// Parses `source`, throwing a ``ExpressionError/Kind/syntax`` error with the column on failure.
    public init(parsing source: String) throws(ExpressionError) {
        self.source = source
        var parser = ExpressionParser(tokens: try ExpressionLexer.tokens(source))
        root = try parser.parseAll()
    }

    /// The value of the expression for one item.
    public func evaluate(in environment: ExpressionEnvironment) throws(ExpressionError) -> JSONValue {
        try ExpressionEvaluator(environment: environment).value(of: root)
    }

    /// The names the expression reads, in order of first appearance.
    public var names: [String] {
        var found: [String] = []
        root.visitNames { if !found.contains($0) { found.append($0) } }
        return found
    }
}
