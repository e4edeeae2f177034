import PlexusCore

/// One node of a parsed expression.
indirect enum ExpressionNode: Sendable {
    case literal(JSONValue)
    case list([ExpressionNode])
    case name(String, column: Int)
    case not(ExpressionNode, column: Int)
    case negate(ExpressionNode, column: Int)
    case binary(String, ExpressionNode, ExpressionNode, column: Int)
    case call(String, [ExpressionNode], column: Int)

    /// Calls `visit` with every name read, left to right.
    func visitNames(_ visit: (String) -> Void) {
        switch self {
        case .literal: break
        case .name(let name, _): visit(name)
        case .list(let items), .call(_, let items, _): items.forEach { $0.visitNames(visit) }
        case .not(let inner, _), .negate(let inner, _): inner.visitNames(visit)
        case .binary(_, let left, let right, _):
            left.visitNames(visit)
            right.visitNames(visit)
        }
    }
}
