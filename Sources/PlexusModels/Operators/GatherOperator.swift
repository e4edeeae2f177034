/// `Gather`: the slices of the data along `axis` at the given indices (negative ones count from
/// the end); output shape is the data's with that axis replaced by the indices' shape.
struct GatherOperator: ONNXOperator {
    private let axis: Int64

    init(_ attributes: NodeAttributes) throws(ModelError) {
        axis = try attributes.int("axis", default: 0)
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let data = try inputs.tensor(0, node: node), indexTensor = try inputs.tensor(1, node: node)
        guard case let .int64(indices) = indexTensor.elements else { throw .evaluation(node: node, message: "the indices must be int64") }
        let resolved = try normalizedAxis(axis, rank: data.shape.count, node: node)
        let lanes = AxisLanes(shape: data.shape, axis: resolved)
        var picks: [Int] = []
        picks.reserveCapacity(lanes.outer * indices.count * lanes.inner)
        for o in 0 ..< lanes.outer {
            for index in indices {
                let position = index < 0 ? Int(index) + lanes.size : Int(index)
                guard (0 ..< lanes.size).contains(position) else {
                    throw .evaluation(node: node, message: "index \(index) is outside axis \(resolved) of size \(lanes.size)")
                }
                for j in 0 ..< lanes.inner { picks.append((o * lanes.size + position) * lanes.inner + j) }
            }
        }
        let shape = Array(data.shape[..<resolved]) + indexTensor.shape + Array(data.shape[(resolved + 1)...])
        return [.tensor(Tensor(checkedShape: shape, data.elements.picking(picks)))]
    }
}
