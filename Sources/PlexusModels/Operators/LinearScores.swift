/// The scores of a linear model for every row: Σ x[f] · coefficients[t][f] + intercept[t] for
/// each target t, as onnxruntime's matrix product gives them (fused multiply-adds in feature
/// order, the intercept added last), for `LinearClassifier` and `LinearRegressor`; row-major,
/// `targets` per row.
func linearScores(_ x: [Float], rows: Int, features: Int, coefficients: [Float], intercepts: [Float], targets: Int) -> [Float] {
    var scores = [Float](repeating: 0, count: rows * targets)
    x.withUnsafeBufferPointer { x in
        coefficients.withUnsafeBufferPointer { coefficients in
            scores.withUnsafeMutableBufferPointer { scores in
                for row in 0 ..< rows {
                    let values = UnsafeBufferPointer(rebasing: x[row * features ..< (row + 1) * features])
                    for target in 0 ..< targets {
                        let weights = UnsafeBufferPointer(rebasing: coefficients[target * features ..< (target + 1) * features])
                        var sum: Float = 0
                        for feature in 0 ..< features { sum = sum.addingProduct(values[feature], weights[feature]) }
                        scores[row * targets + target] = intercepts.isEmpty ? sum : sum + intercepts[target]
                    }
                }
            }
        }
    }
    return scores
}
