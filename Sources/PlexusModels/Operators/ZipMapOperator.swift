/// `ZipMap` (ai.onnx.ml): each row of class probabilities as a map from class label to probability.
struct ZipMapOperator: ONNXOperator {
    private let labels: ClassLabels

    init(_ attributes: NodeAttributes) throws(ModelError) {
        labels = try attributes.classLabels(ints: "classlabels_int64s", strings: "classlabels_strings")
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let (values, rows, columns) = try inputs.floatMatrix(0, node: node)
        guard columns == labels.count else { throw .evaluation(node: node, message: "\(columns) probabilities per row for \(labels.count) labels") }
        return [.probabilityMaps(labels: labels, rows: (0 ..< rows).map { Array(values[$0 * columns ..< ($0 + 1) * columns]) })]
    }
}
