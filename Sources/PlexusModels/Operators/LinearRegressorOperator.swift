/// `LinearRegressor` (ai.onnx.ml): Y = X · coefficientsᵀ + intercepts for `targets` targets,
/// through the post-transform (for one target, only PROBIT applies, as in onnxruntime).
struct LinearRegressorOperator: ONNXOperator {
    private let coefficients: [Float]
    private let intercepts: [Float]
    private let targets: Int
    private let transform: PostTransform

    init(_ attributes: NodeAttributes) throws(ModelError) {
        coefficients = try attributes.floats("coefficients", required: true)
        intercepts = try attributes.floats("intercepts")
        targets = Int(try attributes.int("targets", default: 1))
        transform = try PostTransform(attributes)
        guard targets >= 1, coefficients.count % targets == 0, intercepts.isEmpty || intercepts.count == targets else {
            throw attributes.invalid("targets", "is \(targets), which does not fit \(coefficients.count) coefficients and \(intercepts.count) intercepts")
        }
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let (x, rows, features) = try inputs.floatMatrix(0, node: node)
        guard coefficients.count == targets * features else {
            throw .evaluation(node: node, message: "\(coefficients.count) coefficients do not fit \(targets) target(s) of \(features) features")
        }
        var output = linearScores(x, rows: rows, features: features, coefficients: coefficients, intercepts: intercepts, targets: targets)
        if targets > 1 || transform == .probit {
            transform.apply(toRows: &output, width: targets)
        }
        return [.tensor(Tensor(checkedShape: [rows, targets], .float(output)))]
    }
}
