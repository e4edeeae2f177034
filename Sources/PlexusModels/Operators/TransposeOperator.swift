/// `Transpose`: the tensor's axes permuted by `perm` (reversed when it is not given).
struct TransposeOperator: ONNXOperator {
    private let permutation: [Int]?

    init(_ attributes: NodeAttributes) throws(ModelError) {
        let given = try attributes.ints("perm").map(Int.init)
        guard given.isEmpty || Set(given) == Set(0 ..< given.count) else {
            throw attributes.invalid("perm", "must list each axis once: \(given)")
        }
        permutation = given.isEmpty ? nil : given
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let input = try inputs.tensor(0, node: node)
        let rank = input.shape.count
        let order = permutation ?? Array((0 ..< rank).reversed())
        guard order.count == rank else { throw .evaluation(node: node, message: "perm has \(order.count) axes for a tensor of rank \(rank)") }
        let shape = order.map { input.shape[$0] }
        var strides = [Int](repeating: 1, count: rank)
        for axis in stride(from: rank - 2, through: 0, by: -1) { strides[axis] = strides[axis + 1] * input.shape[axis + 1] }
        // For each output element in order, the input element it is: walk the output's index.
        var positions = [Int](repeating: 0, count: input.elements.count)
        var index = [Int](repeating: 0, count: rank)
        for element in positions.indices {
            var position = 0
            for axis in 0 ..< rank { position += index[axis] * strides[order[axis]] }
            positions[element] = position
            var axis = rank - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < shape[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
        return [.tensor(Tensor(checkedShape: shape, input.elements.picking(positions)))]
    }
}
