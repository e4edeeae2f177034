/// The scores of a linear model for every row: Σ x[f] · coefficients[t][f] + intercept[t] for
/// each target t, as onnxruntime's matrix product gives them (fused multiply-adds in feature
/// order, the intercept added last), for `LinearClassifier` and `LinearRegressor`; row-major,
/// `targets` per row.
func linearScores(_ x: [Float], rows: Int, features: Int, coefficients: [Float], intercepts: [Float], targets: Int) -> [Float] {
    var scores = fusedProduct(x, transposed(coefficients, rows: targets, columns: features), rows: rows, inner: features, columns: targets)
    if !intercepts.isEmpty {
        for row in 0 ..< rows {
            for target in 0 ..< targets { scores[row * targets + target] += intercepts[target] }
        }
    }
    return scores
}
