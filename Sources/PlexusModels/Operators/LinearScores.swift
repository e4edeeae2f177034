/// The scores of a linear model for one row: Σ x[f] · coefficients[t][f] + intercept[t] for each
/// target t, as onnxruntime's matrix product gives them (fused multiply-adds in feature order,
/// the intercept added last), for `LinearClassifier` and `LinearRegressor`.
func linearScores(
    _ x: [Float], row: Int, features: Int, coefficients: [Float], intercepts: [Float], targets: Int
) -> ArraySlice<Float> {
    ArraySlice((0 ..< targets).map { target in
        var sum: Float = 0
        for feature in 0 ..< features { sum = sum.addingProduct(x[row * features + feature], coefficients[target * features + feature]) }
        return intercepts.isEmpty ? sum : sum + intercepts[target]
    })
}
