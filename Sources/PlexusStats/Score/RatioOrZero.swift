/// `numerator / denominator`, or 0 when the denominator is 0 (scikit-learn's `zero_division=0`).
func ratioOrZero(_ numerator: Int, _ denominator: Int) -> Double {
    denominator == 0 ? 0 : Double(numerator) / Double(denominator)
}

/// `numerator / denominator`, or 0 when the denominator is 0 (scikit-learn's `zero_division=0`).
func ratioOrZero(_ numerator: Double, _ denominator: Double) -> Double {
    denominator == 0 ? 0 : numerator / denominator
}
