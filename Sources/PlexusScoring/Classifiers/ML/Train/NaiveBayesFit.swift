import Foundation

/// Fits multinomial naive Bayes as scikit-learn's `MultinomialNB(alpha:)` does (`fit_prior=True`):
/// per class, `log((count_j + alpha) / Σ_j (count_j + alpha))` for each column, where `count_j` sums
/// the column's feature values over the class's rows, and the log of the class's share of rows as
/// its intercept. A text's class scores are then the linear `x · row + intercept`.
enum NaiveBayesFit {
    /// The per-class log-probability rows and log priors.
    static func fit(_ matrix: FeatureMatrix, labels: [Int], classCount: Int, alpha: Double) -> (weights: [[Double]], intercepts: [Double]) {
        var featureCounts = [[Double]](repeating: [Double](repeating: 0, count: matrix.columnCount), count: classCount)
        var classCounts = [Double](repeating: 0, count: classCount)
        for row in 0..<matrix.rowCount {
            let label = labels[row]
            classCounts[label] += 1
            for entry in matrix.entries(row) { featureCounts[label][matrix.columns[entry]] += matrix.values[entry] }
        }
        let weights = featureCounts.map { counts in
            let smoothed = counts.map { $0 + alpha }
            let logTotal = log(smoothed.reduce(0, +))
            return smoothed.map { log($0) - logTotal }
        }
        let logRows = log(classCounts.reduce(0, +))
        return (weights, classCounts.map { log($0) - logRows })
    }
}
