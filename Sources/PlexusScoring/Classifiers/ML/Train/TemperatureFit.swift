import Foundation

/// Fits the temperature `T` that minimizes the mean negative log-likelihood of held-out labels
/// under `softmax(scores / T)`. The loss is convex in `1 / T`, so a golden-section search over
/// `ln T` in [-5, 5] finds its minimum.
enum TemperatureFit {
    /// The best temperature for rows of class `scores` with true class numbers `labels`; 1 with no rows.
    static func fit(scores: [[Double]], labels: [Int]) -> Double {
        guard !scores.isEmpty else { return 1 }
        let ratio = (5.0.squareRoot() - 1) / 2
        var (low, high) = (-5.0, 5.0)
        var left = high - ratio * (high - low)
        var right = low + ratio * (high - low)
        var (leftLoss, rightLoss) = (loss(exp(left), scores, labels), loss(exp(right), scores, labels))
        for _ in 0..<80 {
            if leftLoss <= rightLoss {
                (high, right, rightLoss) = (right, left, leftLoss)
                left = high - ratio * (high - low)
                leftLoss = loss(exp(left), scores, labels)
            } else {
                (low, left, leftLoss) = (left, right, rightLoss)
                right = low + ratio * (high - low)
                rightLoss = loss(exp(right), scores, labels)
            }
        }
        return exp((low + high) / 2)
    }

    /// The mean negative log-likelihood at `temperature`.
    static func loss(_ temperature: Double, _ scores: [[Double]], _ labels: [Int]) -> Double {
        var total = 0.0
        for (row, label) in zip(scores, labels) {
            let scaled = row.map { $0 / temperature }
            total += LinkFunction.logSumExp(scaled) - scaled[label]
        }
        return total / Double(scores.count)
    }
}
