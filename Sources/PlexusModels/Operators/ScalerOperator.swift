/// `Scaler` (ai.onnx.ml): (x − offset) × scale per column, where a single offset or scale
/// applies to every column; output float.
struct ScalerOperator: ONNXOperator {
    private let offset: [Float]
    private let scale: [Float]

    init(_ attributes: NodeAttributes) throws(ModelError) {
        offset = try attributes.floats("offset")
        scale = try attributes.floats("scale")
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let (values, rows, columns) = try inputs.floatMatrix(0, node: node)
        for (name, list) in [("offset", offset), ("scale", scale)] where list.count > 1 && list.count != columns {
            throw .evaluation(node: node, message: "\(name) has \(list.count) entries for \(columns) columns")
        }
        var output = values
        for row in 0 ..< rows {
            for column in 0 ..< columns {
                let index = row * columns + column
                let shift = offset.isEmpty ? 0 : offset[offset.count == 1 ? 0 : column]
                let factor = scale.isEmpty ? 1 : scale[scale.count == 1 ? 0 : column]
                output[index] = (values[index] - shift) * factor
            }
        }
        return [.tensor(Tensor(checkedShape: try inputs.tensor(0, node: node).shape, .float(output)))]
    }
}
