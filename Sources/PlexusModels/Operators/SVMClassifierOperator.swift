/// `SVMClassifier` (ai.onnx.ml), as onnxruntime computes it. With support vectors (libsvm's
/// SVC): a kernel value per support vector, one-against-one decision values per pair of
/// classes (each votes; the most voted class is the label), and, when `prob_a`/`prob_b` are
/// given, Platt-scaled pair probabilities coupled into class probabilities by libsvm's
/// iterative method. Without support vectors (liblinear): one linear score per class.
struct SVMClassifierOperator: ONNXOperator {
    private let kernel: SVMKernel
    private let vectorsPerClass: [Int]
    private let firstVector: [Int]
    private let supportVectors: [Float]
    private let coefficients: [Float]
    private let rho: [Float]
    private let probabilityA: [Float]
    private let probabilityB: [Float]
    private let labels: ClassLabels
    private let transform: PostTransform
    private let weightsArePositive: Bool

    init(_ attributes: NodeAttributes) throws(ModelError) {
        vectorsPerClass = try attributes.ints("vectors_per_class").map { Int($0) }
        guard vectorsPerClass.allSatisfy({ $0 >= 0 }) else { throw attributes.invalid("vectors_per_class", "has a negative count") }
        var first: [Int] = []
        var total = 0
        for count in vectorsPerClass {
            first.append(total)
            total += count
        }
        firstVector = first
        supportVectors = try attributes.floats("support_vectors")
        coefficients = try attributes.floats("coefficients", required: true)
        rho = try attributes.floats("rho", required: true)
        probabilityA = try attributes.floats("prob_a")
        probabilityB = try attributes.floats("prob_b")
        labels = try attributes.classLabels(ints: "classlabels_ints", strings: "classlabels_strings")
        transform = try PostTransform(attributes)
        weightsArePositive = coefficients.allSatisfy { $0 >= 0 }
        kernel = try SVMKernel(attributes, hasSupportVectors: total > 0)
        guard probabilityA.count == probabilityB.count else { throw attributes.invalid("prob_b", "has \(probabilityB.count) values for \(probabilityA.count) in prob_a") }
        let classes = labels.count, pairs = classes * (classes - 1) / 2
        if total > 0 {
            guard classes >= 2 else { throw attributes.invalid("classlabels_ints", "names \(classes) class; a support vector classifier needs at least 2") }
            guard vectorsPerClass.count == classes, !supportVectors.isEmpty, supportVectors.count % total == 0 else {
                throw attributes.invalid("support_vectors", "does not hold \(total) vectors for \(classes) classes")
            }
            guard coefficients.count == (classes - 1) * total, rho.count >= pairs else {
                throw attributes.invalid("coefficients", "has \(coefficients.count) values; \(classes - 1) × \(total) are needed, with \(pairs) rho")
            }
            guard probabilityA.isEmpty || probabilityA.count >= pairs else { throw attributes.invalid("prob_a", "needs \(pairs) values, one per pair of classes") }
        } else {
            guard coefficients.count % classes == 0, !rho.isEmpty else { throw attributes.invalid("coefficients", "is not one row per class") }
        }
    }

    private var vectorCount: Int { firstVector.last.map { $0 + vectorsPerClass[vectorsPerClass.count - 1] } ?? 0 }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let (x, rows, features) = try inputs.floatMatrix(0, node: node)
        let classes = labels.count
        let vectors = vectorCount
        let expected = vectors > 0 ? supportVectors.count / vectors : coefficients.count / classes
        guard features == expected else { throw .evaluation(node: node, message: "rows have \(features) features; the model takes \(expected)") }
        var winners: [Int] = []
        var output: [Float] = []
        var width = classes
        for row in 0 ..< rows {
            let features = x[row * features ..< (row + 1) * features]
            if vectors == 0 {
                var scores = ArraySlice((0 ..< classes).map { kernel.value(features, coefficients[($0 * expected) ..< (($0 + 1) * expected)]) + rho[0] })
                var best = 0
                for index in scores.indices where scores[index] > scores[best] { best = index }
                winners.append(binaryLabel(maxWeight: scores[best], maxClass: best, haveProbabilities: false))
                if classes > 1 { transform.apply(to: &scores) }
                output += scores
                continue
            }
            let kernels = (0 ..< vectors).map { kernel.value(features, supportVectors[($0 * expected) ..< (($0 + 1) * expected)]) }
            var decisions: [Float] = []
            var votes = [Int](repeating: 0, count: classes)
            for i in 0 ..< classes - 1 {
                for j in i + 1 ..< classes {
                    var sum: Double = 0
                    for m in 0 ..< vectorsPerClass[i] {
                        sum += Double(coefficients[vectors * (j - 1) + firstVector[i] + m] * kernels[firstVector[i] + m])
                    }
                    for m in 0 ..< vectorsPerClass[j] {
                        sum += Double(coefficients[vectors * i + firstVector[j] + m] * kernels[firstVector[j] + m])
                    }
                    sum += Double(rho[decisions.count])
                    decisions.append(Float(sum))
                    votes[sum > 0 ? i : j] += 1
                }
            }
            var mostVoted = 0
            for index in votes.indices where votes[index] > votes[mostVoted] { mostVoted = index }
            winners.append(classes == 2 ? binaryLabel(maxWeight: 0, maxClass: mostVoted, haveProbabilities: !probabilityA.isEmpty) : mostVoted)
            if !probabilityA.isEmpty {
                output += coupledProbabilities(decisions, classes: classes)
            } else if classes <= 2 {
                let score = decisions[0]
                output += transform == .none ? [-score, score] : [1 - score, score]
                width = 2
            } else {
                var scores = decisions[...]
                transform.apply(to: &scores)
                output += scores
                width = decisions.count
            }
        }
        return [.tensor(Tensor(checkedShape: [rows], labels.elements(at: winners))), .tensor(Tensor(checkedShape: [rows, width], .float(output)))]
    }

    /// The label of two classes, as onnxruntime chooses it.
    private func binaryLabel(maxWeight: Float, maxClass: Int, haveProbabilities: Bool) -> Int {
        guard labels.count == 2, !haveProbabilities else { return maxClass }
        if weightsArePositive, maxWeight >= 0.5 { return 1 }
        if !weightsArePositive, maxWeight > 0 { return 1 }
        return maxClass
    }

    /// Class probabilities from the pairs' decision values: Platt scaling of each pair, then
    /// libsvm's pairwise coupling (Wu, Lin and Weng), iterated in 32-bit floats.
    private func coupledProbabilities(_ decisions: [Float], classes k: Int) -> [Float] {
        var r = [Float](repeating: 0, count: k * k)
        var index = 0
        for i in 0 ..< k - 1 {
            for j in i + 1 ..< k {
                let platt = 1 - PostTransform.logistic(decisions[index] * probabilityA[index] + probabilityB[index])
                let clamped = min(max(platt, 1e-7), 1 - 1e-7)
                r[i * k + j] = clamped
                r[j * k + i] = 1 - clamped
                index += 1
            }
        }
        var q = [Float](repeating: 0, count: k * k)
        var p = [Float](repeating: 1 / Float(k), count: k)
        for i in 0 ..< k {
            for j in 0 ..< i {
                q[i * k + i] += r[j * k + i] * r[j * k + i]
                q[i * k + j] = q[j * k + i]
            }
            for j in i + 1 ..< k {
                q[i * k + i] += r[j * k + i] * r[j * k + i]
                q[i * k + j] = -r[j * k + i] * r[i * k + j]
            }
        }
        var qp = [Float](repeating: 0, count: k)
        let tolerance = 0.005 / Float(k)
        for _ in 0 ..< 100 {
            var pqp: Float = 0
            for i in 0 ..< k {
                qp[i] = 0
                for j in 0 ..< k { qp[i] += q[i * k + j] * p[j] }
                pqp += p[i] * qp[i]
            }
            if qp.map({ abs($0 - pqp) }).max() ?? 0 < tolerance { break }
            for i in 0 ..< k {
                let difference = (-qp[i] + pqp) / q[i * k + i]
                p[i] += difference
                pqp = (pqp + difference * (difference * q[i * k + i] + 2 * qp[i])) / (1 + difference) / (1 + difference)
                for j in 0 ..< k {
                    qp[j] = (qp[j] + difference * q[i * k + j]) / (1 + difference)
                    p[j] /= 1 + difference
                }
            }
        }
        return p
    }
}
