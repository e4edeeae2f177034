/// How a comparison judges two elements.
protocol Comparison: Sendable {
    static func holds<T: Comparable>(_ a: T, _ b: T) -> Bool
}

enum EqualTo: Comparison {
    static func holds<T: Comparable>(_ a: T, _ b: T) -> Bool { a == b }
}

enum LessThan: Comparison {
    static func holds<T: Comparable>(_ a: T, _ b: T) -> Bool { a < b }
}

enum GreaterThan: Comparison {
    static func holds<T: Comparable>(_ a: T, _ b: T) -> Bool { a > b }
}

/// `Equal`, `Less` and `Greater`: `C` of each pair of elements, broadcast, as a bool tensor.
/// Integers are compared as integers, strings as strings (`Equal` only, from opset 11), and
/// other numbers as doubles.
struct ComparisonOperator<C: Comparison>: ONNXOperator {
    init(_ attributes: NodeAttributes) throws(ModelError) {}

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let a = try inputs.tensor(0, node: node), b = try inputs.tensor(1, node: node)
        guard let broadcast = Broadcast(a.shape, b.shape) else {
            throw .evaluation(node: node, message: "shapes \(a.shape) and \(b.shape) do not broadcast")
        }
        let pairs = zip(broadcast.left, broadcast.right)
        let results: [Bool]
        switch (a.elements, b.elements) {
        case let (.int64(x), .int64(y)): results = pairs.map { C.holds(x[$0], y[$1]) }
        case let (.string(x), .string(y)): results = pairs.map { C.holds(x[$0], y[$1]) }
        case let (.bool(x), .bool(y)): results = pairs.map { C.holds(x[$0] ? 1 : 0, y[$1] ? 1 : 0) }
        case (.string, _), (_, .string):
            throw .evaluation(node: node, message: "a string is compared with a number")
        default:
            let x = Self.doubles(a.elements), y = Self.doubles(b.elements)
            results = pairs.map { C.holds(x[$0], y[$1]) }
        }
        return [.tensor(Tensor(checkedShape: broadcast.shape, .bool(results)))]
    }

    private static func doubles(_ elements: Tensor.Elements) -> [Double] {
        switch elements {
        case let .float(values): values.map(Double.init)
        case let .double(values): values
        case let .int64(values): values.map(Double.init)
        case let .bool(values): values.map { $0 ? 1 : 0 }
        case .string: []
        }
    }
}

/// `Where`: for each position of the broadcast of its three inputs, the element of the second
/// input where the (bool) condition holds and of the third where it does not.
struct WhereOperator: ONNXOperator {
    init(_ attributes: NodeAttributes) throws(ModelError) {}

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let condition = try inputs.tensor(0, node: node), x = try inputs.tensor(1, node: node), y = try inputs.tensor(2, node: node)
        guard case let .bool(holds) = condition.elements else { throw .evaluation(node: node, message: "the condition must be a bool tensor") }
        guard let pair = Broadcast(x.shape, y.shape), let all = Broadcast(condition.shape, pair.shape),
              let fromCondition = Broadcast(condition.shape, all.shape), let fromX = Broadcast(x.shape, all.shape), let fromY = Broadcast(y.shape, all.shape)
        else { throw .evaluation(node: node, message: "shapes \(condition.shape), \(x.shape) and \(y.shape) do not broadcast") }
        let (c, left, right) = (fromCondition.left, fromX.left, fromY.left)
        let elements: Tensor.Elements
        switch (x.elements, y.elements) {
        case let (.float(a), .float(b)): elements = .float(c.indices.map { holds[c[$0]] ? a[left[$0]] : b[right[$0]] })
        case let (.double(a), .double(b)): elements = .double(c.indices.map { holds[c[$0]] ? a[left[$0]] : b[right[$0]] })
        case let (.int64(a), .int64(b)): elements = .int64(c.indices.map { holds[c[$0]] ? a[left[$0]] : b[right[$0]] })
        case let (.string(a), .string(b)): elements = .string(c.indices.map { holds[c[$0]] ? a[left[$0]] : b[right[$0]] })
        case let (.bool(a), .bool(b)): elements = .bool(c.indices.map { holds[c[$0]] ? a[left[$0]] : b[right[$0]] })
        default: throw .evaluation(node: node, message: "the two branches hold different element types")
        }
        return [.tensor(Tensor(checkedShape: all.shape, elements))]
    }
}
