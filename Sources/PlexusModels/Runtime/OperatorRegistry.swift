/// One ONNX operator the interpreter runs: made once per node from the node's attributes (so a
/// malformed node is refused when the model is loaded), then run on each prediction's values.
protocol ONNXOperator: Sendable {
    /// Reads and checks the node's attributes.
    init(_ attributes: NodeAttributes) throws(ModelError)
    /// The node's outputs from its inputs (nil where an optional input is not given).
    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue]
}

/// The operators the interpreter runs, by domain and type: one file per operator plus one line
/// here, as classifiers are registered.
public struct OperatorRegistry: Sendable {
    private let kinds: [String: any ONNXOperator.Type]

    private init(_ kinds: [(domain: String, type: String, implementation: any ONNXOperator.Type)]) {
        self.kinds = Dictionary(uniqueKeysWithValues: kinds.map { (Self.key($0.domain, $0.type), $0.implementation) })
    }

    /// Every operator Plexus runs.
    public static let standard = OperatorRegistry([
        ("", "Identity", IdentityOperator.self),
        ("", "Cast", CastOperator.self),
        ("", "Relu", UnaryOperator<Relu>.self),
        ("", "Sigmoid", UnaryOperator<Sigmoid>.self),
        ("", "Tanh", UnaryOperator<Tanh>.self),
        ("", "Abs", UnaryOperator<Absolute>.self),
        ("", "Neg", UnaryOperator<Negate>.self),
        ("", "Exp", UnaryOperator<Exponential>.self),
        ("", "Log", UnaryOperator<Logarithm>.self),
        ("", "Sqrt", UnaryOperator<SquareRoot>.self),
        ("", "Add", BinaryOperator<Addition>.self),
        ("", "Sub", BinaryOperator<Subtraction>.self),
        ("", "Mul", BinaryOperator<Multiplication>.self),
        ("", "Div", BinaryOperator<Division>.self),
        ("", "Pow", BinaryOperator<Power>.self),
        ("", "ReduceSum", ReduceOperator<Summation>.self),
        ("", "ReduceLogSumExp", ReduceOperator<LogSumExp>.self),
        ("", "ReduceSumSquare", ReduceOperator<SquareSummation>.self),
        ("", "Equal", ComparisonOperator<EqualTo>.self),
        ("", "Less", ComparisonOperator<LessThan>.self),
        ("", "Greater", ComparisonOperator<GreaterThan>.self),
        ("", "Where", WhereOperator.self),
        ("", "Transpose", TransposeOperator.self),
        ("", "TopK", TopKOperator.self),
        ("", "Scan", ScanOperator.self),
        ("", "Sum", VariadicOperator<Addition>.self),
        ("", "Max", VariadicOperator<Maximum>.self),
        ("", "Reciprocal", UnaryOperator<Reciprocal>.self),
        ("", "ReduceMean", ReduceOperator<Mean>.self),
        ("", "MatMul", MatMulOperator.self),
        ("", "Gemm", GemmOperator.self),
        ("", "Softmax", SoftmaxOperator.self),
        ("", "ArgMax", ArgMaxOperator.self),
        ("", "Reshape", ReshapeOperator.self),
        ("", "Flatten", FlattenOperator.self),
        ("", "Concat", ConcatOperator.self),
        ("", "Gather", GatherOperator.self),
        ("ai.onnx.ml", "ArrayFeatureExtractor", ArrayFeatureExtractorOperator.self),
        ("ai.onnx.ml", "SVMClassifier", SVMClassifierOperator.self),
        ("ai.onnx.ml", "SVMRegressor", SVMRegressorOperator.self),
        ("ai.onnx.ml", "Imputer", ImputerOperator.self),
        ("ai.onnx.ml", "Binarizer", BinarizerOperator.self),
        ("ai.onnx.ml", "OneHotEncoder", OneHotEncoderOperator.self),
        ("ai.onnx.ml", "Scaler", ScalerOperator.self),
        ("ai.onnx.ml", "Normalizer", NormalizerOperator.self),
        ("ai.onnx.ml", "LinearClassifier", LinearClassifierOperator.self),
        ("ai.onnx.ml", "LinearRegressor", LinearRegressorOperator.self),
        ("ai.onnx.ml", "TreeEnsembleClassifier", TreeEnsembleClassifierOperator.self),
        ("ai.onnx.ml", "TreeEnsembleRegressor", TreeEnsembleRegressorOperator.self),
        ("ai.onnx.ml", "TreeEnsemble", TreeEnsembleOperator.self),
        ("ai.onnx.ml", "ZipMap", ZipMapOperator.self),
        ("ai.onnx.ml", "LabelEncoder", LabelEncoderOperator.self),
    ])

    /// Whether the operator `operatorType` of `domain` (empty for `ai.onnx`) runs.
    public func supports(domain: String, operatorType: String) -> Bool {
        kinds[Self.key(domain, operatorType)] != nil
    }

    func implementation(domain: String, operatorType: String) -> (any ONNXOperator.Type)? {
        kinds[Self.key(domain, operatorType)]
    }

    private static func key(_ domain: String, _ type: String) -> String {
        "\(domain == "ai.onnx" ? "" : domain)|\(type)"
    }
}

extension Array where Element == ONNXValue? {
    /// Input `index` as a tensor.
    func tensor(_ index: Int, node: String) throws(ModelError) -> Tensor {
        guard indices.contains(index), let value = self[index], let tensor = value.tensor else {
            throw .evaluation(node: node, message: "input \(index) is missing or is not a tensor")
        }
        return tensor
    }

    /// Input `index` as a matrix of floats: rows × columns (a vector is one row).
    func floatMatrix(_ index: Int, node: String) throws(ModelError) -> (values: [Float], rows: Int, columns: Int) {
        let tensor = try tensor(index, node: node)
        guard let values = tensor.floats else { throw .evaluation(node: node, message: "input \(index) holds strings, not numbers") }
        switch tensor.shape.count {
        case 1: return (values, 1, tensor.shape[0])
        case 2: return (values, tensor.shape[0], tensor.shape[1])
        default: throw .evaluation(node: node, message: "input \(index) has shape \(tensor.shape); a vector or a matrix is needed")
        }
    }
}
