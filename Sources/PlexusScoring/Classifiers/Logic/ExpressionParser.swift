import PlexusCore

/// Recursive-descent parser for `logic` expressions. Precedence, loosest first: `or`, `and`,
/// `not`, comparisons (`== != < <= > >= in`, `not in`; not chainable), `+ -`, `* /`, unary `-`.
struct ExpressionParser {
    /// Functions and how many arguments each takes.
    static let functions = ["len": 1, "contains": 2, "lower": 1, "upper": 1]
    private static let comparisons: Set<String> = ["==", "!=", "<", "<=", ">", ">="]
    private static let scoreFields: Set<String> = ["value", "confidence", "explanation"]

    private let tokens: [ExpressionToken]
    private var position = 0
    private var depth = 0

    init(tokens: [ExpressionToken]) { self.tokens = tokens }

    /// The whole expression; anything left over is an error.
    mutating func parseAll() throws(ExpressionError) -> ExpressionNode {
        let node = try parseOr()
        guard case .end = current.kind else { throw unexpected("an operator or the end of the expression") }
        return node
    }

    private var current: ExpressionToken { tokens[position] }

    private mutating func advance() -> ExpressionToken {
        defer { position += 1 }
        return tokens[position]
    }

    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }
    private func isKeyword(_ keyword: String) -> Bool { current.kind == .keyword(keyword) }

    private func unexpected(_ expected: String) -> ExpressionError {
        ExpressionError(.syntax, "expected \(expected), found \(current.text)", column: current.column)
    }

    /// Counts one more level of nesting, refusing to go past ``LogicExpression/maximumDepth``.
    private mutating func enter() throws(ExpressionError) {
        depth += 1
        guard depth <= LogicExpression.maximumDepth else {
            throw ExpressionError(.syntax, "the expression nests deeper than \(LogicExpression.maximumDepth) levels; simplify it", column: current.column)
        }
    }

    private mutating func expect(_ symbol: String) throws(ExpressionError) {
        guard isSymbol(symbol) else { throw unexpected("'\(symbol)'") }
        position += 1
    }

    private mutating func parseOr() throws(ExpressionError) -> ExpressionNode {
        try parseChain(keywords: ["or"]) { (parser: inout ExpressionParser) throws(ExpressionError) in try parser.parseAnd() }
    }

    private mutating func parseAnd() throws(ExpressionError) -> ExpressionNode {
        try parseChain(keywords: ["and"]) { (parser: inout ExpressionParser) throws(ExpressionError) in try parser.parseNot() }
    }

    private mutating func parseNot() throws(ExpressionError) -> ExpressionNode {
        guard isKeyword("not") else { return try parseComparison() }
        let column = advance().column
        try enter()
        defer { depth -= 1 }
        return .not(try parseNot(), column: column)
    }

    private mutating func parseComparison() throws(ExpressionError) -> ExpressionNode {
        let left = try parseAdditive()
        let column = current.column
        var symbol: String
        switch current.kind {
        case .symbol(let text) where Self.comparisons.contains(text): symbol = text
        case .keyword("in"): symbol = "in"
        case .keyword("not") where tokens[position + 1].kind == .keyword("in"):
            position += 1
            symbol = "not in"
        default: return left
        }
        position += 1
        try enter()
        defer { depth -= 1 }
        let node = ExpressionNode.binary(symbol, left, try parseAdditive(), column: column)
        if case .symbol(let text) = current.kind, Self.comparisons.contains(text) {
            throw ExpressionError(.syntax, "comparisons cannot be chained; join them with 'and'", column: current.column)
        }
        return node
    }

    private mutating func parseAdditive() throws(ExpressionError) -> ExpressionNode {
        try parseChain(symbols: ["+", "-"]) { (parser: inout ExpressionParser) throws(ExpressionError) in try parser.parseMultiplicative() }
    }

    private mutating func parseMultiplicative() throws(ExpressionError) -> ExpressionNode {
        try parseChain(symbols: ["*", "/"]) { (parser: inout ExpressionParser) throws(ExpressionError) in try parser.parseUnary() }
    }

    /// A left-associative chain of binary operators; each link counts as a level of nesting,
    /// since evaluation recurses through it.
    private mutating func parseChain(
        keywords: Set<String> = [], symbols: Set<String> = [], operand: (inout ExpressionParser) throws(ExpressionError) -> ExpressionNode
    ) throws(ExpressionError) -> ExpressionNode {
        var node = try operand(&self)
        var links = 0
        defer { depth -= links }
        while true {
            let symbol: String
            switch current.kind {
            case .keyword(let word) where keywords.contains(word): symbol = word
            case .symbol(let text) where symbols.contains(text): symbol = text
            default: return node
            }
            let column = advance().column
            try enter()
            links += 1
            node = .binary(symbol, node, try operand(&self), column: column)
        }
    }

    private mutating func parseUnary() throws(ExpressionError) -> ExpressionNode {
        guard isSymbol("-") else { return try parsePrimary() }
        let column = advance().column
        try enter()
        defer { depth -= 1 }
        return .negate(try parseUnary(), column: column)
    }

    private mutating func parsePrimary() throws(ExpressionError) -> ExpressionNode {
        let token = advance()
        switch token.kind {
        case .number(let value): return .literal(.number(value))
        case .string(let value): return .literal(.string(value))
        case .keyword("true"): return .literal(.bool(true))
        case .keyword("false"): return .literal(.bool(false))
        case .keyword("null"): return .literal(.null)
        case .symbol("("):
            try enter()
            defer { depth -= 1 }
            let inner = try parseOr()
            try expect(")")
            return inner
        case .symbol("["):
            return .list(try parseArguments(closing: "]"))
        case .name(let name) where isSymbol("("):
            return try parseCall(name, column: token.column)
        case .name(let name):
            try checkName(name, column: token.column)
            return .name(name, column: token.column)
        default:
            position -= 1
            throw unexpected("a value, a name or '('")
        }
    }

    private mutating func parseCall(_ name: String, column: Int) throws(ExpressionError) -> ExpressionNode {
        guard let arity = Self.functions[name] else {
            throw ExpressionError(.syntax, "unknown function '\(name)'; use one of \(Self.functions.keys.sorted().joined(separator: ", "))", column: column)
        }
        position += 1
        let arguments = try parseArguments(closing: ")")
        guard arguments.count == arity else {
            throw ExpressionError(.syntax, "\(name) takes \(arity) argument\(arity == 1 ? "" : "s"), got \(arguments.count)", column: column)
        }
        return .call(name, arguments, column: column)
    }

    /// Comma-separated expressions up to `closing`, whose opening bracket was just read.
    private mutating func parseArguments(closing: String) throws(ExpressionError) -> [ExpressionNode] {
        try enter()
        defer { depth -= 1 }
        var items: [ExpressionNode] = []
        while !isSymbol(closing) {
            items.append(try parseOr())
            guard isSymbol(",") else { break }
            position += 1
        }
        try expect(closing)
        return items
    }

    private func checkName(_ name: String, column: Int) throws(ExpressionError) {
        let parts = name.split(separator: ".")
        switch parts[0] {
        case "metadata": return
        case "scores" where parts.count == 2 || (parts.count == 3 && Self.scoreFields.contains(String(parts[2]))): return
        case "scores":
            throw ExpressionError(.syntax, "'\(name)' is not a score reference; use scores.<key>, scores.<key>.confidence or scores.<key>.explanation", column: column)
        default:
            throw ExpressionError(.syntax, "unknown name '\(name)'; names start with 'metadata.' or 'scores.'", column: column)
        }
    }
}
