import CPlexusKernels

/// `MatMul` of a matrix (or vector) and a matrix, and `Gemm`: α·A'·B' + β·C with A and B
/// optionally transposed and C broadcast; sums in 32-bit floats.
struct MatMulOperator: ONNXOperator {
    init(_ attributes: NodeAttributes) throws(ModelError) {}

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let a = try inputs.floatMatrix(0, node: node), b = try inputs.floatMatrix(1, node: node)
        let product = try multiply(a, b, transposeA: false, transposeB: false, node: node)
        let vector = try inputs.tensor(0, node: node).shape.count == 1
        return [.tensor(Tensor(checkedShape: vector ? [product.columns] : [product.rows, product.columns], .float(product.values)))]
    }
}

struct GemmOperator: ONNXOperator {
    private let alpha: Float
    private let beta: Float
    private let transposeA: Bool
    private let transposeB: Bool

    init(_ attributes: NodeAttributes) throws(ModelError) {
        alpha = try attributes.float("alpha", default: 1)
        beta = try attributes.float("beta", default: 1)
        transposeA = try attributes.int("transA", default: 0) != 0
        transposeB = try attributes.int("transB", default: 0) != 0
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let product = try multiply(
            try inputs.floatMatrix(0, node: node), try inputs.floatMatrix(1, node: node), transposeA: transposeA, transposeB: transposeB, node: node)
        var result = Tensor(checkedShape: [product.rows, product.columns], .float(product.values.map { $0 * alpha }))
        if inputs.count > 2, let bias = inputs[2], let c = bias.tensor, beta != 0 {
            let scaled = Tensor(checkedShape: c.shape, .float((c.floats ?? []).map { $0 * beta }))
            result = try BinaryOperator<Addition>.combine(result, scaled, node: node)
            guard result.shape == [product.rows, product.columns] else {
                throw .evaluation(node: node, message: "C of shape \(c.shape) does not broadcast to [\(product.rows), \(product.columns)]")
            }
        }
        return [.tensor(result)]
    }
}

/// The product of two row-major matrices, either transposed. Each output is Σ_k a[i][k]·b[k][j]
/// as fused multiply-adds in k order (so results match onnxruntime's kernels bit for bit).
private func multiply(
    _ a: (values: [Float], rows: Int, columns: Int), _ b: (values: [Float], rows: Int, columns: Int), transposeA: Bool, transposeB: Bool, node: String
) throws(ModelError) -> (values: [Float], rows: Int, columns: Int) {
    let (rows, inner) = transposeA ? (a.columns, a.rows) : (a.rows, a.columns)
    let (innerB, columns) = transposeB ? (b.columns, b.rows) : (b.rows, b.columns)
    guard inner == innerB else { throw .evaluation(node: node, message: "cannot multiply \(rows)×\(inner) by \(innerB)×\(columns)") }
    let left = transposeA ? transposed(a.values, rows: a.rows, columns: a.columns) : a.values
    let right = transposeB ? transposed(b.values, rows: b.rows, columns: b.columns) : b.values
    return (fusedProduct(left, right, rows: rows, inner: inner, columns: columns), rows, columns)
}

/// The product of row-major `left` (rows × inner) and `right` (inner × columns): each output
/// summed over k in order with fused multiply-adds (``plexus_fma_matmul``).
func fusedProduct(_ left: [Float], _ right: [Float], rows: Int, inner: Int, columns: Int) -> [Float] {
    var values = [Float](repeating: 0, count: rows * columns)
    guard rows > 0, columns > 0, inner > 0 else { return values }
    left.withUnsafeBufferPointer { left in
        right.withUnsafeBufferPointer { right in
            values.withUnsafeMutableBufferPointer { output in
                plexus_fma_matmul(left.baseAddress, right.baseAddress, output.baseAddress, rows, inner, columns)
            }
        }
    }
    return values
}

/// A row-major `rows` × `columns` matrix, transposed.
func transposed(_ values: [Float], rows: Int, columns: Int) -> [Float] {
    var result = [Float](repeating: 0, count: values.count)
    for row in 0 ..< rows {
        for column in 0 ..< columns { result[column * rows + row] = values[row * columns + column] }
    }
    return result
}
