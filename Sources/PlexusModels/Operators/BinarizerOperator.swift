/// `Binarizer` (ai.onnx.ml): 1 where a value is above `threshold`, else 0.
struct BinarizerOperator: ONNXOperator {
    private let threshold: Float

    init(_ attributes: NodeAttributes) throws(ModelError) {
        threshold = try attributes.float("threshold", default: 0)
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let input = try inputs.tensor(0, node: node)
        guard let values = input.floats else { throw .evaluation(node: node, message: "the input holds strings, not numbers") }
        return [.tensor(Tensor(checkedShape: input.shape, .float(values.map { $0 > threshold ? 1 : 0 })))]
    }
}
