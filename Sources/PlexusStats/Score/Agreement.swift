/// Chance-corrected agreement between the actual and predicted labels, from a matrix's marginals.
///
/// Each coefficient is 0 where it is undefined (see ``ClassificationMetrics``), so results are
/// always finite and encode to JSON.
enum Agreement {
    /// Cohen's kappa, computed as scikit-learn's `cohen_kappa_score` does:
    /// κ = 1 − (observed disagreement) / (disagreement expected by chance), where the expected
    /// disagreement is Σ_{i≠j} rowᵢ·colⱼ / n.
    ///
    /// 0 for an empty matrix and when the expected disagreement is 0 (one label holds every
    /// actual and every predicted item), matching `replace_undefined_by=0.0`.
    static func cohensKappa(_ m: Marginals) -> Double {
        guard m.total > 0 else { return 0 }
        // Σ_{i≠j} rowᵢ·colⱼ = 0 exactly when a single label takes the whole of both marginals;
        // testing that in integers avoids comparing a rounded sum with 0.
        let oneLabelTakesAll = zip(m.actualTotals, m.predictedTotals).contains { $0 == m.total && $1 == m.total }
        guard !oneLabelTakesAll else { return 0 }
        let n = Double(m.total)
        let chanceAgreement = zip(m.actualTotals, m.predictedTotals).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        let expectedDisagreement = (n * n - chanceAgreement) / n
        let observedDisagreement = n - Double(m.totalAgreement)
        return 1 - observedDisagreement / expectedDisagreement
    }

    /// The Matthews correlation coefficient (multi-class form, Gorodkin's R_K), as scikit-learn's
    /// `matthews_corrcoef`: (c·n − Σ tₖpₖ) / √((n² − Σ pₖ²)(n² − Σ tₖ²)) with c the correct
    /// items, tₖ the actual and pₖ the predicted totals.
    ///
    /// 0 when either variance term is 0 (empty matrix, or one label takes every actual or every
    /// predicted item), as scikit-learn returns.
    static func matthewsCorrelation(_ m: Marginals) -> Double {
        let n = Double(m.total)
        var actualByPredicted = 0.0, predictedSquares = 0.0, actualSquares = 0.0
        for (actual, predicted) in zip(m.actualTotals, m.predictedTotals) {
            actualByPredicted += Double(actual) * Double(predicted)
            predictedSquares += Double(predicted) * Double(predicted)
            actualSquares += Double(actual) * Double(actual)
        }
        let covariance = Double(m.totalAgreement) * n - actualByPredicted
        let varianceProduct = (n * n - predictedSquares) * (n * n - actualSquares)
        return varianceProduct == 0 ? 0 : covariance / varianceProduct.squareRoot()
    }

    /// Gwet's AC1 for two raters: (pa − pe) / (1 − pe), with pa the observed agreement,
    /// pe = 1/(q−1) · Σₖ πₖ(1 − πₖ), πₖ = (rowₖ + colₖ) / 2n and q the number of labels in the
    /// matrix (so a label that never occurs still counts), as irrCAC's `CAC(...).gwet()` with
    /// `categories` set to the labels.
    ///
    /// 0 for an empty matrix. With a single label (q = 1) the formula divides by 0; irrCAC then
    /// uses pe = 1 − 1e−15, which gives exactly 1 (every item agrees), and so does this.
    static func gwetsAC1(_ m: Marginals) -> Double {
        guard m.total > 0 else { return 0 }
        guard m.labelCount > 1 else { return 1 }
        let twiceN = 2 * Double(m.total)
        let spread = zip(m.actualTotals, m.predictedTotals).reduce(0.0) { sum, totals in
            let pi = Double(totals.0 + totals.1) / twiceN
            return sum + pi * (1 - pi)
        }
        let chance = spread / Double(m.labelCount - 1)
        let observed = Double(m.totalAgreement) / Double(m.total)
        // pe ≤ 1/q ≤ ½ for q ≥ 2, so the guard only documents that 1 − pe is never 0.
        return ratioOrZero(observed - chance, 1 - chance)
    }
}
