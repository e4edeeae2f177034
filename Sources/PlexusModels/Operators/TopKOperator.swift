/// `TopK` (opset 10 on): the `k` largest (or, with `largest` 0, smallest) elements along `axis`
/// and their indices, in order; equal elements keep their order along the axis, as onnxruntime
/// keeps them.
struct TopKOperator: ONNXOperator {
    private let axis: Int64
    private let largest: Bool

    init(_ attributes: NodeAttributes) throws(ModelError) {
        axis = try attributes.int("axis", default: -1)
        largest = try attributes.int("largest", default: 1) != 0
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let input = try inputs.tensor(0, node: node)
        guard case let .int64(given) = try inputs.tensor(1, node: node).elements, given.count == 1 else {
            throw .evaluation(node: node, message: "k must be one int64")
        }
        guard let values = input.floats else { throw .evaluation(node: node, message: "the input holds strings, not numbers") }
        let rank = input.shape.count
        let resolved = try normalizedAxis(axis, rank: rank, node: node)
        let size = input.shape[resolved]
        let k = Int(given[0])
        guard (0 ... size).contains(k) else { throw .evaluation(node: node, message: "k is \(k) for an axis of size \(size)") }
        let inner = input.shape[(resolved + 1)...].reduce(1, *)
        let outer = input.shape[..<resolved].reduce(1, *)
        var picks: [Int] = [], indices: [Int64] = []
        picks.reserveCapacity(outer * k * inner)
        var chosen = [[Int]](repeating: [], count: inner)
        for o in 0 ..< outer {
            for i in 0 ..< inner {
                let base = o * size * inner + i
                let order = (0 ..< size).sorted { a, b in
                    let (x, y) = (values[base + a * inner], values[base + b * inner])
                    if x == y { return a < b }
                    return largest ? x > y : x < y
                }
                chosen[i] = Array(order.prefix(k))
            }
            for position in 0 ..< k {
                for i in 0 ..< inner {
                    let along = chosen[i][position]
                    picks.append(o * size * inner + along * inner + i)
                    indices.append(Int64(along))
                }
            }
        }
        var shape = input.shape
        shape[resolved] = k
        return [.tensor(Tensor(checkedShape: shape, input.elements.picking(picks))), .tensor(Tensor(checkedShape: shape, .int64(indices)))]
    }
}
