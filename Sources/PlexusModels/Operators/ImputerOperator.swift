/// `Imputer` (ai.onnx.ml): each value equal to `replaced_value_float` (NaN by default: missing
/// values) becomes the column's imputed value (one value for every column, or one per column).
struct ImputerOperator: ONNXOperator {
    private let imputed: [Float]
    private let replaced: Float

    init(_ attributes: NodeAttributes) throws(ModelError) {
        imputed = try attributes.floats("imputed_value_floats")
        replaced = try attributes.float("replaced_value_float", default: .nan)
        guard !imputed.isEmpty else { throw attributes.invalid("imputed_value_floats", "is missing; Plexus imputes float inputs") }
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let input = try inputs.tensor(0, node: node)
        let (values, _, columns) = try inputs.floatMatrix(0, node: node)
        guard imputed.count == 1 || imputed.count == columns else {
            throw .evaluation(node: node, message: "\(imputed.count) imputed values for \(columns) columns")
        }
        let output = values.enumerated().map { index, value in
            let matches = replaced.isNaN ? value.isNaN : value == replaced
            return matches ? imputed[imputed.count == 1 ? 0 : index % columns] : value
        }
        return [.tensor(Tensor(checkedShape: input.shape, .float(output)))]
    }
}
