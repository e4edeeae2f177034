import Foundation

/// The penalized log-loss that scikit-learn's `LogisticRegression(solver="lbfgs")` minimizes,
/// divided by `C · n` (which moves no minimum):
///   mean over rows of the log-loss + ‖W‖² / (2 C n), the intercepts unpenalized.
/// With two classes it is the binary loss of one weight vector scoring `classes[1]`; with more it is
/// the multinomial (softmax) loss of one vector per class, as scikit-learn fits them.
///
/// Parameters are laid out feature-major: `W[j * outputs + k]`, then the `outputs` intercepts.
struct LogisticObjective: Sendable {
    let matrix: FeatureMatrix
    /// Each row's class number.
    let labels: [Int]
    /// 1 for two classes, else the number of classes.
    let outputs: Int
    /// The penalty weight `1 / (C · n)`.
    let penalty: Double

    init(matrix: FeatureMatrix, labels: [Int], classCount: Int, c: Double) {
        self.matrix = matrix
        self.labels = labels
        outputs = classCount == 2 ? 1 : classCount
        penalty = 1 / (c * Double(matrix.rowCount))
    }

    /// The number of parameters.
    var parameterCount: Int { (matrix.columnCount + 1) * outputs }

    /// The loss at `parameters`, writing its gradient.
    func evaluate(_ parameters: [Double], gradient: inout [Double]) -> Double {
        let weightCount = matrix.columnCount * outputs
        var loss = 0.0
        for index in 0..<weightCount {
            loss += 0.5 * penalty * parameters[index] * parameters[index]
            gradient[index] = penalty * parameters[index]
        }
        for index in weightCount..<parameterCount { gradient[index] = 0 }
        let scale = 1 / Double(matrix.rowCount)
        var scores = [Double](repeating: 0, count: outputs)
        for row in 0..<matrix.rowCount {
            for k in 0..<outputs { scores[k] = parameters[weightCount + k] }
            let entries = matrix.entries(row)
            for entry in entries {
                let base = matrix.columns[entry] * outputs
                let value = matrix.values[entry]
                for k in 0..<outputs { scores[k] += value * parameters[base + k] }
            }
            loss += scale * rowLossAndResiduals(&scores, label: labels[row])
            for entry in entries {
                let base = matrix.columns[entry] * outputs
                let value = scale * matrix.values[entry]
                for k in 0..<outputs { gradient[base + k] += value * scores[k] }
            }
            for k in 0..<outputs { gradient[weightCount + k] += scale * scores[k] }
        }
        return loss
    }

    /// The log-loss of one row's `scores`, replacing them with the residuals (probability − target).
    private func rowLossAndResiduals(_ scores: inout [Double], label: Int) -> Double {
        if outputs == 1 {
            let z = scores[0]
            let target = label == 1 ? 1.0 : 0.0
            scores[0] = LinkFunction.sigmoid(z) - target
            return max(z, 0) + log1p(exp(-abs(z))) - target * z
        }
        let logNormalizer = LinkFunction.logSumExp(scores)
        let loss = logNormalizer - scores[label]
        for k in 0..<outputs { scores[k] = exp(scores[k] - logNormalizer) - (k == label ? 1 : 0) }
        return loss
    }
}
