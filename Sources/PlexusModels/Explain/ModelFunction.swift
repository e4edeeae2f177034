/// A model as the model-agnostic explainers see it: rows of one numeric input in, one row of
/// numbers out per row, the class probabilities of a classifier (its second output, a tensor or
/// ZipMap's maps) or the values of a regressor (its first output).
struct ModelFunction: Sendable {
    /// The model input the rows fill.
    let inputName: String
    /// How many features a row has.
    let featureCount: Int
    /// What each number of an output row is.
    let outputs: [ExplainedOutput]
    private let runner: ModelRunner
    private let outputName: String
    /// The most rows handed to the interpreter at once, so large synthetic sets stay bounded in memory.
    private static let chunkRows = 32_768

    /// Prepares `model`, refusing it for `method` unless it has one numeric matrix input of fixed width.
    init(model: ONNXModel, method: String) throws(ModelError) {
        guard model.inputs.count == 1, let input = model.inputs.first, input.kind == "tensor", input.elementType != .string else {
            throw .notExplainable(method: method, reason:
                "it takes \(model.inputs.count) inputs (\(model.inputs.map(\.name).joined(separator: ", "))); \(method) explains models with one numeric matrix input")
        }
        guard case let .fixed(width)? = input.shape?.last, width > 0 else {
            throw .notExplainable(method: method, reason: "its input '\(input.name)' has no fixed number of features")
        }
        runner = try ModelRunner(model)
        inputName = input.name
        featureCount = width
        let classifier = model.outputs.count >= 2
        outputName = model.outputs[classifier ? 1 : 0].name
        // One probe row of zeros reveals how many numbers each row gives.
        let probe = try Self.run(runner, FeatureMatrix(values: [Float](repeating: 0, count: width), rows: 1, columns: width), input: input.name, output: outputName)
        let columns = probe.count
        if classifier {
            outputs = Self.classNames(model, count: columns).map { ExplainedOutput(name: $0, space: "probability") }
        } else {
            outputs = (0 ..< columns).map { ExplainedOutput(name: columns == 1 ? "value" : "value_\($0)", space: "value") }
        }
    }

    /// The output rows of `rows`, row-major: `rows.rows × outputs.count` numbers.
    func evaluate(_ rows: FeatureMatrix) throws(ModelError) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(rows.rows * outputs.count)
        var start = 0
        while start < rows.rows {
            let end = min(rows.rows, start + Self.chunkRows)
            let chunk = start == 0 && end == rows.rows
                ? rows : FeatureMatrix(values: Array(rows.values[start * rows.columns ..< end * rows.columns]), rows: end - start, columns: rows.columns)
            let produced = try Self.run(runner, chunk, input: inputName, output: outputName)
            guard produced.count == chunk.rows * outputs.count else {
                throw .evaluation(node: outputName, message: "gave \(produced.count) numbers for \(chunk.rows) rows of \(outputs.count)")
            }
            values += produced
            start = end
        }
        return values
    }

    private static func run(_ runner: ModelRunner, _ rows: FeatureMatrix, input: String, output: String) throws(ModelError) -> [Double] {
        guard let tensor = Tensor(shape: [rows.rows, rows.columns], elements: .float(rows.values)) else {
            throw .evaluation(node: input, message: "the rows do not fill a \(rows.rows)×\(rows.columns) matrix")
        }
        switch try runner.run([input: .tensor(tensor)])[output] {
        case let .tensor(result)?:
            guard let numbers = result.floats else { throw .evaluation(node: output, message: "the output holds strings, not numbers") }
            return numbers.map(Double.init)
        case let .probabilityMaps(_, maps)?:
            return maps.flatMap { $0.map(Double.init) }
        case nil:
            throw .evaluation(node: output, message: "the output was not made")
        }
    }

    /// The class labels of the model's classifier node (or ZipMap), when they match `count`;
    /// otherwise the class positions.
    private static func classNames(_ model: ONNXModel, count: Int) -> [String] {
        for node in model.graph.node.reversed() {
            for attribute in node.attribute {
                switch attribute.name {
                case "classlabels_strings" where attribute.strings.count == count:
                    return attribute.strings.map { String(decoding: $0, as: UTF8.self) }
                case "classlabels_int64s", "classlabels_ints":
                    if attribute.ints.count == count { return attribute.ints.map(String.init) }
                default: continue
                }
            }
        }
        return (0 ..< count).map(String.init)
    }
}
