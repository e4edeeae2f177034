import Foundation

/// Turns linear scores into probabilities, with the numerically safe forms.
enum LinkFunction {
    /// `1 / (1 + e^-z)` without overflow.
    static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }

    /// `ln Σ e^score`, shifted by the largest score so nothing overflows.
    static func logSumExp(_ scores: [Double]) -> Double {
        let largest = scores.max() ?? 0
        guard largest.isFinite else { return largest }
        var sum = 0.0
        for score in scores { sum += exp(score - largest) }
        return largest + log(sum)
    }

    /// The softmax of `scores` divided by `temperature`.
    static func softmax(_ scores: [Double], temperature: Double = 1) -> [Double] {
        let scaled = temperature == 1 ? scores : scores.map { $0 / temperature }
        let normalizer = logSumExp(scaled)
        return scaled.map { exp($0 - normalizer) }
    }
}
