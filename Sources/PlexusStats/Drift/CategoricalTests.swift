/// The tests Evidently runs on categorical columns (and on numeric ones with five or fewer values).
public enum CategoricalTests {
    /// Pearson's chi-square goodness of fit of the current counts against the reference's
    /// proportions scaled to the current size (Evidently's `chisquare`, SciPy's `chisquare`).
    /// A category seen only in the current window makes the statistic infinite and the p-value 0.
    public static func chiSquare(reference: CategoryCounts, current: CategoryCounts) throws(StatisticsError) -> TwoSampleTestResult {
        let (referenceTotal, currentTotal) = try totals(reference, current)
        let keys = Set(reference.counts.keys).union(current.counts.keys).sorted()
        let scale = Double(currentTotal) / Double(referenceTotal)
        var statistic = 0.0
        for key in keys {
            let expected = Double(reference.counts[key, default: 0]) * scale
            let observed = Double(current.counts[key, default: 0])
            statistic += (observed - expected) * (observed - expected) / expected
        }
        if statistic.isNaN { statistic = 0 }  // 0/0 only when a category is absent on both sides
        let pValue = keys.count < 2 ? 1 : Distributions.chiSquareSurvival(statistic, degreesOfFreedom: Double(keys.count - 1))
        return TwoSampleTestResult(statistic: statistic, pValue: pValue.isNaN ? 1 : pValue)
    }

    /// The two-proportion Z test on a column with at most two values (Evidently's `z`): the share
    /// of the values other than the first in order, reference against current, pooled variance.
    public static func proportionZ(reference: CategoryCounts, current: CategoryCounts) throws(StatisticsError) -> TwoSampleTestResult {
        let (referenceTotal, currentTotal) = try totals(reference, current)
        let keys = Set(reference.counts.keys).union(current.counts.keys).sorted()
        guard keys.count > 1 else { return TwoSampleTestResult(statistic: 0, pValue: 1) }
        guard keys.count == 2 else {
            throw .invalidParameter(name: "the Z test's column", value: "\(keys.count) distinct values", allowed: "binary (two values); use chi-square for more")
        }
        let n1 = Double(referenceTotal), n2 = Double(currentTotal)
        let p1 = Double(referenceTotal - reference.counts[keys[0], default: 0]) / n1
        let p2 = Double(currentTotal - current.counts[keys[0], default: 0]) / n2
        let pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
        let z = (p1 - p2) / (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        return TwoSampleTestResult(statistic: z, pValue: 2 * (1 - Distributions.normalCDF(abs(z))))
    }

    private static func totals(_ reference: CategoryCounts, _ current: CategoryCounts) throws(StatisticsError) -> (Int, Int) {
        let referenceTotal = reference.total, currentTotal = current.total
        guard referenceTotal > 0 else { throw .tooFewObservations(sample: "reference", needed: 1, got: 0) }
        guard currentTotal > 0 else { throw .tooFewObservations(sample: "current", needed: 1, got: 0) }
        return (referenceTotal, currentTotal)
    }
}
