/// NumPy's broadcasting of two shapes: aligned from the right, a dimension of 1 stretches to
/// the other's size. Gives the result's shape and, when asked, for each result element its
/// position in each operand.
struct Broadcast {
    let shape: [Int]
    private let paddedA: [Int]
    private let paddedB: [Int]

    /// The broadcast of `a` and `b`; nil when a pair of dimensions differs and neither is 1.
    init?(_ a: [Int], _ b: [Int]) {
        let rank = max(a.count, b.count)
        let paddedA = Array(repeating: 1, count: rank - a.count) + a
        let paddedB = Array(repeating: 1, count: rank - b.count) + b
        var shape: [Int] = []
        for (x, y) in zip(paddedA, paddedB) {
            guard x == y || x == 1 || y == 1 else { return nil }
            shape.append(x == 1 ? y : x)
        }
        self.shape = shape
        self.paddedA = paddedA
        self.paddedB = paddedB
    }

    /// For each result element (row-major), the element of the first operand it reads.
    var left: [Int] { Self.positions(of: paddedA, in: shape) }
    /// For each result element (row-major), the element of the second operand it reads.
    var right: [Int] { Self.positions(of: paddedB, in: shape) }

    /// For each element of `result` (row-major), the element of `operand` it reads.
    private static func positions(of operand: [Int], in result: [Int]) -> [Int] {
        let count = result.reduce(1, *)
        var strides = [Int](repeating: 0, count: operand.count)
        var stride = 1
        for axis in operand.indices.reversed() {
            strides[axis] = operand[axis] == 1 ? 0 : stride
            stride *= operand[axis]
        }
        var positions = [Int](repeating: 0, count: count)
        var index = [Int](repeating: 0, count: result.count)
        for element in 0 ..< count {
            var position = 0
            for axis in result.indices { position += index[axis] * strides[axis] }
            positions[element] = position
            var axis = result.count - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < result[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
        return positions
    }
}

/// An `axis` attribute, negative counting from the end, checked against a rank.
func normalizedAxis(_ axis: Int64, rank: Int, node: String) throws(ModelError) -> Int {
    let resolved = axis < 0 ? Int(axis) + rank : Int(axis)
    guard (0 ..< max(rank, 1)).contains(resolved) else { throw .evaluation(node: node, message: "axis \(axis) is outside a tensor of rank \(rank)") }
    return resolved
}
