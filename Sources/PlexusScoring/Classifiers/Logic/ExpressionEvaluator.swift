import PlexusCore

/// Evaluates a parsed expression against one item's environment.
struct ExpressionEvaluator {
    let environment: ExpressionEnvironment

    func value(of node: ExpressionNode) throws(ExpressionError) -> JSONValue {
        switch node {
        case .literal(let value): return value
        case .name(let name, _): return environment.value(of: name)
        case .list(let items):
            var values: [JSONValue] = []
            for item in items { values.append(try value(of: item)) }
            return .array(values)
        case .not(let inner, let column):
            return .bool(!(try truth(of: try value(of: inner), for: "not", column: column)))
        case .negate(let inner, let column):
            let operand = try value(of: inner)
            guard case .number(let number) = operand else { throw ExpressionError.mismatch("'-' needs a number", [operand], column) }
            return .number(-number)
        case .binary("and", let left, let right, let column):
            guard try truth(of: try value(of: left), for: "and", column: column) else { return .bool(false) }
            return .bool(try truth(of: try value(of: right), for: "and", column: column))
        case .binary("or", let left, let right, let column):
            if try truth(of: try value(of: left), for: "or", column: column) { return .bool(true) }
            return .bool(try truth(of: try value(of: right), for: "or", column: column))
        case .binary(let symbol, let left, let right, let column):
            return try ExpressionOperators.apply(symbol, try value(of: left), try value(of: right), column: column)
        case .call(let name, let arguments, let column):
            var values: [JSONValue] = []
            for argument in arguments { values.append(try value(of: argument)) }
            return try ExpressionOperators.call(name, values, column: column)
        }
    }

    /// `true` or `false`; `null` (missing data) counts as `false`.
    private func truth(of value: JSONValue, for operation: String, column: Int) throws(ExpressionError) -> Bool {
        switch value {
        case .bool(let flag): return flag
        case .null: return false
        default: throw ExpressionError.mismatch("'\(operation)' needs true or false", [value], column)
        }
    }
}
