import Foundation

/// The lanes of a tensor along one axis: `outer` × `inner` lanes of `size` elements each, the
/// element `i` of lane (o, j) at (o · size + i) · inner + j.
struct AxisLanes {
    let outer: Int
    let size: Int
    let inner: Int

    init(shape: [Int], axis: Int) {
        outer = shape[..<axis].reduce(1, *)
        size = shape.isEmpty ? 1 : shape[axis]
        inner = shape.isEmpty ? 1 : shape[(axis + 1)...].reduce(1, *)
    }

    /// Calls `body` with the element positions of every lane.
    func forEach(_ body: (_ positions: StrideTo<Int>) -> Void) {
        for o in 0 ..< outer {
            for j in 0 ..< inner {
                let start = o * size * inner + j
                body(stride(from: start, to: start + size * inner, by: inner))
            }
        }
    }
}

/// `Softmax` along `axis` (default −1, as from opset 13), in 32-bit floats with the largest
/// value subtracted first.
struct SoftmaxOperator: ONNXOperator {
    private let axis: Int64

    init(_ attributes: NodeAttributes) throws(ModelError) {
        axis = try attributes.int("axis", default: -1)
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let input = try inputs.tensor(0, node: node)
        guard var values = input.floats else { throw .evaluation(node: node, message: "the input holds strings, not numbers") }
        AxisLanes(shape: input.shape, axis: try normalizedAxis(axis, rank: input.shape.count, node: node)).forEach { lane in
            let largest = lane.map { values[$0] }.max() ?? 0
            var total: Float = 0
            for position in lane {
                values[position] = expf(values[position] - largest)
                total += values[position]
            }
            for position in lane { values[position] /= total }
        }
        return [.tensor(Tensor(checkedShape: input.shape, .float(values)))]
    }
}

/// `ArgMax` along `axis`: the position of the largest value (the first, or with
/// `select_last_index` the last, of equals), as int64, keeping the axis as 1 when `keepdims`.
struct ArgMaxOperator: ONNXOperator {
    private let axis: Int64
    private let keepDimensions: Bool
    private let lastIndex: Bool

    init(_ attributes: NodeAttributes) throws(ModelError) {
        axis = try attributes.int("axis", default: 0)
        keepDimensions = try attributes.int("keepdims", default: 1) != 0
        lastIndex = try attributes.int("select_last_index", default: 0) != 0
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let input = try inputs.tensor(0, node: node)
        guard let values = input.floats else { throw .evaluation(node: node, message: "the input holds strings, not numbers") }
        let resolved = try normalizedAxis(axis, rank: input.shape.count, node: node)
        var winners: [Int64] = []
        AxisLanes(shape: input.shape, axis: resolved).forEach { lane in
            var best = 0, bestValue = -Float.infinity
            for (index, position) in lane.enumerated() where values[position] > bestValue || (lastIndex && values[position] == bestValue) || index == 0 {
                best = index
                bestValue = values[position]
            }
            winners.append(Int64(best))
        }
        var shape = input.shape
        if keepDimensions { shape[resolved] = 1 } else { shape.remove(at: resolved) }
        return [.tensor(Tensor(checkedShape: shape, .int64(winners)))]
    }
}
