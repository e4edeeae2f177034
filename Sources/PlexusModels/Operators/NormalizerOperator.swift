/// `Normalizer` (ai.onnx.ml): each row divided by its largest value (`MAX`), the sum of its
/// absolute values (`L1`) or its Euclidean length (`L2`); a row whose norm is 0 is left as it is.
struct NormalizerOperator: ONNXOperator {
    private enum Norm: String { case max = "MAX", l1 = "L1", l2 = "L2" }
    private let norm: Norm

    init(_ attributes: NodeAttributes) throws(ModelError) {
        let name = try attributes.string("norm", default: "MAX")
        guard let norm = Norm(rawValue: name) else { throw attributes.invalid("norm", "is '\(name)'; use MAX, L1 or L2") }
        self.norm = norm
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let (values, rows, columns) = try inputs.floatMatrix(0, node: node)
        var output = values
        for row in 0 ..< rows {
            let slice = values[row * columns ..< (row + 1) * columns]
            let divisor: Float = switch norm {
            case .max: slice.max() ?? 0
            case .l1: slice.reduce(0) { $0 + abs($1) }
            case .l2: slice.reduce(0) { $0 + $1 * $1 }.squareRoot()
            }
            guard divisor != 0 else { continue }
            for index in slice.indices { output[index] = values[index] / divisor }
        }
        return [.tensor(Tensor(checkedShape: try inputs.tensor(0, node: node).shape, .float(output)))]
    }
}
