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
        var scores = [Float](repeating: 0, count: rows * classes)
        var scored = [Bool](repeating: false, count: rows * classes)
        x.withUnsafeBufferPointer { x in
            scores.withUnsafeMutableBufferPointer { scores in
                scored.withUnsafeMutableBufferPointer { scored in
                    trees.sumWeights(x, rows: rows, columns: columns, targets: classes, into: scores, scored: scored)
                }
            }
        }
        var winners = [Int](repeating: 0, count: rows)
        for row in 0 ..< rows {
            let span = row * classes ..< (row + 1) * classes
            winners[row] = classes > 2 ? multiclass(&scores[span], scored[span]) : twoClasses(&scores[span], scored[span])
        }
        return [.tensor(Tensor(checkedShape: [rows], labels.elements(at: winners))), .tensor(Tensor(checkedShape: [rows, classes], .float(scores)))]
    }

    /// Adds the base values, picks the label and applies the post-transform, in place.
    private func multiclass(_ scores: inout ArraySlice<Float>, _ scored: ArraySlice<Bool>) -> Int {
        let first = scores.startIndex
        for (index, base) in baseValues.enumerated() where index < scores.count { scores[first + index] += base }
        // A class counts once a tree or a base value gave it a score.
        var best = -1
        for index in 0 ..< scores.count where scored[scored.startIndex + index] || index < baseValues.count {
            if best == -1 || scores[first + index] > scores[first + best] { best = index }
        }
        transform.apply(to: &scores)
        return max(best, 0)
    }

    /// Two labels, as onnxruntime's binary path computes them; the scores are replaced in place.
    private func twoClasses(_ scores: inout ArraySlice<Float>, _ scored: ArraySlice<Bool>) -> Int {
        let (zero, one) = (scores.startIndex, scores.startIndex + 1)
        let scoredOne = scored[scored.startIndex + 1], scoredZero = scored[scored.startIndex]
        var expansion: Int?
        if baseValues.count == 2 {
            if scoredOne {
                scores[one] = baseValues[1] + scores[zero]
                scores[zero] = -scores[one]
            } else {
                // Binary as multiclass; class 1 still counts as unscored when the label is chosen.
                scores[one] += baseValues[1]
                scores[zero] += baseValues[0]
            }
        } else if baseValues.count == 1 {
            scores[zero] += baseValues[0]
        } else if baseValues.isEmpty {
            expansion = 3
        }
        let single = !scoredOne && baseValues.count != 2
        let positive = scoredOne ? scores[one] : (scoredZero ? scores[zero] : 0)
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
            transform.apply(to: &scores)
            return winner
        }
        let score = scores[zero]
        if transform == .probit {
            (scores[zero], scores[one]) = (PostTransform.probit(score), 0)
            return winner
        }
        switch expansion {
        case 0?, 1?: (scores[zero], scores[one]) = (1 - score, score)
        case 2?, 3?: (scores[zero], scores[one]) = transform == .logistic ? (PostTransform.logistic(-score), PostTransform.logistic(score)) : (-score, score)
        default: (scores[zero], scores[one]) = (score, 0)
        }
        return winner
    }
}
