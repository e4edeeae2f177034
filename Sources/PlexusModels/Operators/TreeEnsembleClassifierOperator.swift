/// `TreeEnsembleClassifier` (ai.onnx.ml): each class's leaf weights summed over the trees, plus
/// its base value, then the label and scores as onnxruntime gives them. With more than two
/// classes the label is the highest score and the scores go through the post-transform. With two
/// labels and weights for one class only (as exporters write binary models), the one score s
/// decides the label (s > 0.5 when every weight is positive, else s > 0) and the scores are
/// [1 − s, s], or [σ(−s), σ(s)] under LOGISTIC when weights have both signs.
struct TreeEnsembleClassifierOperator: ONNXOperator {
    private let trees: TreeEnsemble
    private let labels: ClassLabels
    private let baseValues: [Float]
    private let transform: PostTransform
    /// Two labels, and every weight for the same class.
    private let binary: Bool
    private let weightsArePositive: Bool

    init(_ attributes: NodeAttributes) throws(ModelError) {
        trees = try TreeEnsemble(attributes, weightPrefix: "class")
        labels = try attributes.classLabels(ints: "classlabels_int64s", strings: "classlabels_strings")
        baseValues = try attributes.floats("base_values")
        transform = try PostTransform(attributes)
        guard trees.largestTarget < labels.count else {
            throw attributes.invalid("class_ids", "names class \(trees.largestTarget) of \(labels.count) labels")
        }
        binary = labels.count == 2 && Set(trees.weights.map(\.target)).count == 1
        weightsArePositive = trees.weights.allSatisfy { $0.value >= 0 }
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let (x, rows, columns) = try trees.features(inputs, node: node)
        let classes = labels.count
        var winners: [Int] = []
        var output: [Float] = []
        output.reserveCapacity(rows * classes)
        for row in 0 ..< rows {
            var scores = [Float](repeating: 0, count: classes)
            var scored = [Bool](repeating: false, count: classes)
            trees.forEachLeafWeight(of: x[row * columns ..< (row + 1) * columns]) { weight in
                scores[weight.target] += weight.value
                scored[weight.target] = true
            }
            let (winner, rowScores) = classes > 2 ? multiclass(&scores, scored) : twoClasses(&scores, scored)
            winners.append(winner)
            output += rowScores
        }
        return [.tensor(Tensor(checkedShape: [rows], labels.elements(at: winners))), .tensor(Tensor(checkedShape: [rows, classes], .float(output)))]
    }

    private func multiclass(_ scores: inout [Float], _ scored: [Bool]) -> (Int, ArraySlice<Float>) {
        var scored = scored
        for (index, base) in baseValues.enumerated() where index < scores.count {
            scores[index] += base
            scored[index] = true
        }
        var best = -1
        for index in scores.indices where scored[index] && (best == -1 || scores[index] > scores[best]) { best = index }
        var transformed = scores[...]
        transform.apply(to: &transformed)
        return (max(best, 0), transformed)
    }

    /// Two labels, as onnxruntime's binary path computes them.
    private func twoClasses(_ scores: inout [Float], _ scored: [Bool]) -> (Int, ArraySlice<Float>) {
        var expansion: Int?
        if baseValues.count == 2 {
            if scored[1] {
                scores[1] = baseValues[1] + scores[0]
                scores[0] = -scores[1]
            } else {
                // Binary as multiclass; class 1 still counts as unscored when the label is chosen.
                scores[1] += baseValues[1]
                scores[0] += baseValues[0]
            }
        } else if baseValues.count == 1 {
            scores[0] += baseValues[0]
        } else if baseValues.isEmpty {
            expansion = 3
        }
        let single = !scored[1] && baseValues.count != 2
        let positive = scored[1] ? scores[1] : (scored[0] ? scores[0] : 0)
        let winner: Int
        if binary {
            if weightsArePositive {
                winner = positive > 0.5 ? 1 : 0
                expansion = positive > 0.5 ? 0 : 1
            } else {
                winner = positive > 0 ? 1 : 0
                expansion = positive > 0 ? 2 : 3
            }
        } else {
            winner = positive > 0 ? 1 : 0
        }
        guard single else {
            var transformed = scores[...]
            transform.apply(to: &transformed)
            return (winner, transformed)
        }
        let score = scores[0]
        if transform == .probit { return (winner, [PostTransform.probit(score), 0]) }
        switch expansion {
        case 0?, 1?: return (winner, [1 - score, score])
        case 2?, 3?: return (winner, transform == .logistic ? [PostTransform.logistic(-score), PostTransform.logistic(score)] : [-score, score])
        default: return (winner, [score, 0])
        }
    }
}
