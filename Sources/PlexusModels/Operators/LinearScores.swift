/// The scores of a linear model for one row: intercept[t] + Σ x[f] · coefficients[t][f] for each
/// target t, summed in 32-bit floats, for `LinearClassifier` and `LinearRegressor`.
func linearScores(
    _ x: [Float], row: Int, features: Int, coefficients: [Float], intercepts: [Float], targets: Int
) -> ArraySlice<Float> {
    ArraySlice((0 ..< targets).map { target in
        var sum = intercepts.isEmpty ? 0 : intercepts[target]
        for feature in 0 ..< features { sum += x[row * features + feature] * coefficients[target * features + feature] }
        return sum
    })
}
