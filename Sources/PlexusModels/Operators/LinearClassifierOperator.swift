/// `LinearClassifier` (ai.onnx.ml): scores = X · coefficientsᵀ + intercepts, the label of the
/// highest score (or, with one score and two labels, the second label when the score is
/// positive), and the scores through the post-transform. As in onnxruntime, one score with two
/// labels is given as [1 − s, s] untransformed, and a single score is transformed only by PROBIT.
struct LinearClassifierOperator: ONNXOperator {
    private let coefficients: [Float]
    private let intercepts: [Float]
    private let labels: ClassLabels
    private let transform: PostTransform

    init(_ attributes: NodeAttributes) throws(ModelError) {
        coefficients = try attributes.floats("coefficients", required: true)
        intercepts = try attributes.floats("intercepts")
        labels = try attributes.classLabels(ints: "classlabels_ints", strings: "classlabels_strings")
        transform = try PostTransform(attributes)
        if !intercepts.isEmpty, coefficients.count % intercepts.count != 0 {
            throw attributes.invalid("coefficients", "has \(coefficients.count) values, not a multiple of the \(intercepts.count) intercepts")
        }
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let (x, rows, features) = try inputs.floatMatrix(0, node: node)
        guard features > 0, coefficients.count % features == 0 else {
            throw .evaluation(node: node, message: "\(coefficients.count) coefficients do not fit \(features) features")
        }
        let targets = coefficients.count / features
        guard intercepts.isEmpty || intercepts.count == targets else {
            throw .evaluation(node: node, message: "\(intercepts.count) intercepts for \(targets) classes")
        }
        guard targets == 1 || targets == labels.count else {
            throw .evaluation(node: node, message: "\(targets) classes of coefficients for \(labels.count) labels")
        }
        let binary = targets == 1 && labels.count == 2
        let raw = linearScores(x, rows: rows, features: features, coefficients: coefficients, intercepts: intercepts, targets: targets)
        var winners = [Int](repeating: 0, count: rows)
        var scores: [Float]
        if targets == 1 {
            scores = binary ? [Float](repeating: 0, count: rows * 2) : raw
            for row in 0 ..< rows {
                let score = raw[row]
                winners[row] = score > 0 ? 1 : 0
                if binary {
                    (scores[2 * row], scores[2 * row + 1]) = (1 - score, score)
                } else if transform == .probit {
                    scores[row] = PostTransform.probit(score)
                }
            }
        } else {
            scores = raw
            for row in 0 ..< rows {
                let span = row * targets ..< (row + 1) * targets
                var best = span.lowerBound
                for position in span where scores[position] > scores[best] { best = position }
                winners[row] = best - span.lowerBound
            }
            transform.apply(toRows: &scores, width: targets)
        }
        let labelElements: Tensor.Elements
        if targets == 1, labels.count != 2 {
            // One score and no pair of labels: onnxruntime labels rows 1 and 0 (or "1" and "0").
            if case .string = labels { labelElements = .string(winners.map(String.init)) } else { labelElements = .int64(winners.map(Int64.init)) }
        } else {
            labelElements = labels.elements(at: winners)
        }
        return [.tensor(Tensor(checkedShape: [rows], labelElements)), .tensor(Tensor(checkedShape: [rows, binary ? 2 : targets], .float(scores)))]
    }
}
