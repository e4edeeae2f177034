import Foundation

/// How a reduction folds the values along its axes.
protocol Reduction: Sendable {
    static func reduce(_ values: [Float]) -> Float
}

enum Summation: Reduction {
    static func reduce(_ values: [Float]) -> Float { values.reduce(0, +) }
}

enum Mean: Reduction {
    static func reduce(_ values: [Float]) -> Float { values.reduce(0, +) / Float(values.count) }
}

enum SquareSummation: Reduction {
    static func reduce(_ values: [Float]) -> Float { values.reduce(0) { $0 + $1 * $1 } }
}

enum LogSumExp: Reduction {
    /// log Σ eˣ, with the largest value taken out first so nothing overflows.
    static func reduce(_ values: [Float]) -> Float {
        guard let largest = values.max(), largest.isFinite else { return values.max() ?? -.infinity }
        return largest + logf(values.reduce(0) { $0 + expf($1 - largest) })
    }
}

/// `ReduceSum`, `ReduceSumSquare`, `ReduceMean` and `ReduceLogSumExp`: `R` over the axes given as an input
/// (`ReduceSum` from opset 13) or the `axes` attribute (the others before opset 18); every axis when none are
/// given (unless `noop_with_empty_axes`), keeping them as 1 when `keepdims`.
struct ReduceOperator<R: Reduction>: ONNXOperator {
    private let attributeAxes: [Int64]
    private let keepDimensions: Bool
    private let emptyAxesIsNoOp: Bool

    init(_ attributes: NodeAttributes) throws(ModelError) {
        attributeAxes = try attributes.ints("axes")
        keepDimensions = try attributes.int("keepdims", default: 1) != 0
        emptyAxesIsNoOp = try attributes.int("noop_with_empty_axes", default: 0) != 0
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let input = try inputs.tensor(0, node: node)
        guard let values = input.floats else { throw .evaluation(node: node, message: "the input holds strings, not numbers") }
        var requested = attributeAxes
        if inputs.count > 1, let given = inputs[1], case let .int64(axes)? = given.tensor?.elements { requested = axes }
        if requested.isEmpty, emptyAxesIsNoOp { return [.tensor(input)] }
        let rank = input.shape.count
        var axes = Set<Int>()
        for axis in requested { axes.insert(try normalizedAxis(axis, rank: rank, node: node)) }
        if axes.isEmpty { axes = Set(0 ..< rank) }
        let shape = input.shape.enumerated().map { axes.contains($0.offset) ? 1 : $0.element }
        var groups = [[Float]](repeating: [], count: shape.reduce(1, *))
        // Each element's position with the reduced axes set to 0 names its group.
        var index = [Int](repeating: 0, count: rank)
        for value in values {
            var group = 0
            for axis in 0 ..< rank { group = group * shape[axis] + (axes.contains(axis) ? 0 : index[axis]) }
            groups[group].append(value)
            var axis = rank - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < input.shape[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
        let outputShape = keepDimensions ? shape : input.shape.enumerated().filter { !axes.contains($0.offset) }.map(\.element)
        return [.tensor(Tensor(checkedShape: outputShape, .float(groups.map(R.reduce))))]
    }
}
