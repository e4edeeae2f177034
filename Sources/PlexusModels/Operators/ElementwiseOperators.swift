import Foundation

/// A function of one float, applied to every element by ``UnaryOperator``.
protocol UnaryFunction: Sendable {
    static func apply(_ x: Float) -> Float
}

enum Relu: UnaryFunction { static func apply(_ x: Float) -> Float { max(x, 0) } }
enum Sigmoid: UnaryFunction { static func apply(_ x: Float) -> Float { PostTransform.logistic(x) } }
enum Tanh: UnaryFunction { static func apply(_ x: Float) -> Float { tanhf(x) } }
enum Absolute: UnaryFunction { static func apply(_ x: Float) -> Float { abs(x) } }
enum Negate: UnaryFunction { static func apply(_ x: Float) -> Float { -x } }
enum Exponential: UnaryFunction { static func apply(_ x: Float) -> Float { expf(x) } }
enum Logarithm: UnaryFunction { static func apply(_ x: Float) -> Float { logf(x) } }
enum SquareRoot: UnaryFunction { static func apply(_ x: Float) -> Float { x.squareRoot() } }
enum Reciprocal: UnaryFunction { static func apply(_ x: Float) -> Float { 1 / x } }

/// `Relu`, `Sigmoid`, `Tanh`, `Abs`, `Neg`, `Exp`, `Log`, `Sqrt`, `Reciprocal`: `F` on every element of a
/// float tensor (`Abs` and `Neg` keep int64 tensors int64).
struct UnaryOperator<F: UnaryFunction>: ONNXOperator {
    init(_ attributes: NodeAttributes) throws(ModelError) {}

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let input = try inputs.tensor(0, node: node)
        if case let .int64(values) = input.elements {
            if F.self == Absolute.self { return [.tensor(Tensor(checkedShape: input.shape, .int64(values.map { abs($0) })))] }
            if F.self == Negate.self { return [.tensor(Tensor(checkedShape: input.shape, .int64(values.map { 0 &- $0 })))] }
        }
        guard let values = input.floats else { throw .evaluation(node: node, message: "the input holds strings, not numbers") }
        return [.tensor(Tensor(checkedShape: input.shape, .float(values.map(F.apply))))]
    }
}

/// A function of two numbers, applied element by element with broadcasting by ``BinaryOperator``.
protocol BinaryFunction: Sendable {
    static func apply(_ a: Float, _ b: Float) -> Float
    static func apply(_ a: Int64, _ b: Int64) -> Int64
}

enum Addition: BinaryFunction {
    static func apply(_ a: Float, _ b: Float) -> Float { a + b }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &+ b }
}

enum Subtraction: BinaryFunction {
    static func apply(_ a: Float, _ b: Float) -> Float { a - b }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &- b }
}

enum Multiplication: BinaryFunction {
    static func apply(_ a: Float, _ b: Float) -> Float { a * b }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &* b }
}

enum Division: BinaryFunction {
    static func apply(_ a: Float, _ b: Float) -> Float { a / b }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? 0 : a / b }
}

enum Maximum: BinaryFunction {
    /// NaN wins, as onnxruntime's Max propagates it.
    static func apply(_ a: Float, _ b: Float) -> Float { a.isNaN || b.isNaN ? .nan : max(a, b) }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 { max(a, b) }
}

enum Power: BinaryFunction {
    static func apply(_ a: Float, _ b: Float) -> Float { powf(a, b) }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 {
        guard b >= 0 else { return 0 }
        var result: Int64 = 1
        for _ in 0 ..< min(b, 64) { result = result &* a }
        return result
    }
}

/// `Add`, `Sub`, `Mul`, `Div`, `Pow`: `F` element by element with NumPy broadcasting; int64 when both
/// inputs are int64, float otherwise.
struct BinaryOperator<F: BinaryFunction>: ONNXOperator {
    init(_ attributes: NodeAttributes) throws(ModelError) {}

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        [.tensor(try Self.combine(try inputs.tensor(0, node: node), try inputs.tensor(1, node: node), node: node))]
    }

    /// `F` of `a` and `b`, broadcast.
    static func combine(_ a: Tensor, _ b: Tensor, node: String) throws(ModelError) -> Tensor {
        guard let broadcast = Broadcast(a.shape, b.shape) else {
            throw .evaluation(node: node, message: "shapes \(a.shape) and \(b.shape) do not broadcast")
        }
        if case let .int64(x) = a.elements, case let .int64(y) = b.elements {
            return Tensor(checkedShape: broadcast.shape, .int64(zip(broadcast.left, broadcast.right).map { F.apply(x[$0], y[$1]) }))
        }
        guard let x = a.floats, let y = b.floats else { throw .evaluation(node: node, message: "an input holds strings, not numbers") }
        // The common shapes without position tables: equal shapes, and a matrix with a row (a bias) or a scalar.
        if a.shape == b.shape { return Tensor(checkedShape: a.shape, .float(zip(x, y).map { F.apply($0, $1) })) }
        if y.count == 1 { return Tensor(checkedShape: broadcast.shape, .float(x.map { F.apply($0, y[0]) })) }
        if x.count == 1 { return Tensor(checkedShape: broadcast.shape, .float(y.map { F.apply(x[0], $0) })) }
        if broadcast.shape == a.shape, let width = a.shape.last, y.count == width, b.shape.last == width {
            var values = [Float](repeating: 0, count: x.count)
            for start in stride(from: 0, to: x.count, by: width) {
                for column in 0 ..< width { values[start + column] = F.apply(x[start + column], y[column]) }
            }
            return Tensor(checkedShape: a.shape, .float(values))
        }
        return Tensor(checkedShape: broadcast.shape, .float(zip(broadcast.left, broadcast.right).map { F.apply(x[$0], y[$1]) }))
    }
}

/// `Sum` and `Max`: `F` folded element by element over any number of tensors, with broadcasting.
struct VariadicOperator<F: BinaryFunction>: ONNXOperator {
    init(_ attributes: NodeAttributes) throws(ModelError) {}

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        guard !inputs.isEmpty else { throw .evaluation(node: node, message: "no input") }
        var total = try inputs.tensor(0, node: node)
        for index in 1 ..< inputs.count {
            total = try BinaryOperator<F>.combine(total, try inputs.tensor(index, node: node), node: node)
        }
        return [.tensor(total)]
    }
}
