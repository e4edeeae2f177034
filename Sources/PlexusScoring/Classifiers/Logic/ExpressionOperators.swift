import PlexusCore

/// The binary operators and functions of `logic` expressions.
enum ExpressionOperators {
    static func apply(_ symbol: String, _ left: JSONValue, _ right: JSONValue, column: Int) throws(ExpressionError) -> JSONValue {
        switch symbol {
        case "==": return .bool(left == right)
        case "!=": return .bool(left != right)
        case "<", "<=", ">", ">=": return try compare(symbol, left, right, column: column)
        case "in": return .bool(try isMember(left, of: right, column: column))
        case "not in": return .bool(!(try isMember(left, of: right, column: column)))
        default: return try arithmetic(symbol, left, right, column: column)
        }
    }

    /// Orders two numbers or two strings; anything involving `null` is `false`, so missing data
    /// never satisfies an ordering.
    private static func compare(_ symbol: String, _ left: JSONValue, _ right: JSONValue, column: Int) throws(ExpressionError) -> JSONValue {
        let order: Int
        switch (left, right) {
        case (.null, _), (_, .null): return .bool(false)
        case (.number(let a), .number(let b)): order = a < b ? -1 : a > b ? 1 : 0
        case (.string(let a), .string(let b)): order = a < b ? -1 : a > b ? 1 : 0
        default: throw ExpressionError.mismatch("'\(symbol)' compares two numbers or two strings", [left, right], column)
        }
        switch symbol {
        case "<": return .bool(order < 0)
        case "<=": return .bool(order <= 0)
        case ">": return .bool(order > 0)
        default: return .bool(order >= 0)
        }
    }

    /// `x in list`, `'part' in 'text'`, `'key' in object`; nothing is in `null`.
    private static func isMember(_ item: JSONValue, of container: JSONValue, column: Int) throws(ExpressionError) -> Bool {
        switch (item, container) {
        case (_, .null): return false
        case (_, .array(let items)): return items.contains(item)
        case (.string(let part), .string(let text)): return text.contains(part)
        case (.string(let key), .object(let members)): return members[key] != nil
        default: throw ExpressionError.mismatch("'in' looks in a list, a string or a mapping", [item, container], column)
        }
    }

    private static func arithmetic(_ symbol: String, _ left: JSONValue, _ right: JSONValue, column: Int) throws(ExpressionError) -> JSONValue {
        switch (symbol, left, right) {
        case ("+", .string(let a), .string(let b)): return .string(a + b)
        case ("+", .array(let a), .array(let b)): return .array(a + b)
        case ("+", .number(let a), .number(let b)): return .number(a + b)
        case ("-", .number(let a), .number(let b)): return .number(a - b)
        case ("*", .number(let a), .number(let b)): return .number(a * b)
        case ("/", .number(let a), .number(let b)):
            guard b != 0 else { throw ExpressionError(.divisionByZero, "division by zero", column: column) }
            return .number(a / b)
        default: throw ExpressionError.mismatch("'\(symbol)' needs two numbers\(symbol == "+" ? " (or two strings, or two lists)" : "")", [left, right], column)
        }
    }

    static func call(_ name: String, _ arguments: [JSONValue], column: Int) throws(ExpressionError) -> JSONValue {
        switch (name, arguments.first ?? .null) {
        case ("len", .string(let text)): return .number(Double(text.count))
        case ("len", .array(let items)): return .number(Double(items.count))
        case ("len", .object(let members)): return .number(Double(members.count))
        case ("len", .null): return .number(0)
        case ("contains", _): return .bool(try isMember(arguments[1], of: arguments[0], column: column))
        case ("lower", .string(let text)): return .string(text.lowercased())
        case ("upper", .string(let text)): return .string(text.uppercased())
        case ("lower", .null), ("upper", .null): return .null
        default: throw ExpressionError.mismatch("\(name)() does not take this argument", arguments, column)
        }
    }
}
