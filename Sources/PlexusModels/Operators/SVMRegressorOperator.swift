/// `SVMRegressor` (ai.onnx.ml): Σ coefficients[v] · K(x, support vector v) + rho (or, without
/// support vectors, x · coefficients + rho), as ±1 when `one_class`; one output column.
struct SVMRegressorOperator: ONNXOperator {
    private let kernel: SVMKernel
    private let supportVectors: [Float]
    private let vectorCount: Int
    private let coefficients: [Float]
    private let rho: Float
    private let oneClass: Bool

    init(_ attributes: NodeAttributes) throws(ModelError) {
        vectorCount = Int(try attributes.int("n_supports", default: 0))
        guard vectorCount >= 0 else { throw attributes.invalid("n_supports", "is negative") }
        supportVectors = try attributes.floats("support_vectors")
        coefficients = try attributes.floats("coefficients", required: true)
        let rho = try attributes.floats("rho", required: true)
        guard let first = rho.first else { throw attributes.invalid("rho", "is empty") }
        self.rho = first
        oneClass = try attributes.int("one_class", default: 0) != 0
        kernel = try SVMKernel(attributes, hasSupportVectors: vectorCount > 0)
        if vectorCount > 0 {
            guard coefficients.count == vectorCount, !supportVectors.isEmpty, supportVectors.count % vectorCount == 0 else {
                throw attributes.invalid("support_vectors", "does not hold \(vectorCount) vectors with one coefficient each")
            }
        }
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let (x, rows, features) = try inputs.floatMatrix(0, node: node)
        let expected = vectorCount > 0 ? supportVectors.count / vectorCount : coefficients.count
        guard features == expected else { throw .evaluation(node: node, message: "rows have \(features) features; the model takes \(expected)") }
        let output = (0 ..< rows).map { row -> Float in
            let features = x[row * features ..< (row + 1) * features]
            var score: Float
            if vectorCount == 0 {
                score = kernel.value(features, coefficients[...]) + rho
            } else {
                score = 0
                for vector in 0 ..< vectorCount {
                    score = score.addingProduct(kernel.value(features, supportVectors[(vector * expected) ..< ((vector + 1) * expected)]), coefficients[vector])
                }
                score += rho
            }
            return oneClass ? (score > 0 ? 1 : -1) : score
        }
        return [.tensor(Tensor(checkedShape: [rows, 1], .float(output)))]
    }
}
