/// The shares of a reference and a current column over common bins, as Evidently bins them for
/// PSI, KL divergence and Jensen–Shannon: a numeric column whose reference has more than 20
/// distinct values over Sturges' bins of reference ∪ current, every other column over the
/// distinct values seen on either side.
public struct BinnedShares: Sendable, Equatable {
    /// The reference's share of observations per bin (count ÷ reference size).
    public let reference: [Double]
    /// The current window's share per bin.
    public let current: [Double]

    /// Bins `reference` and `current` (of the same kind, both non-empty); with `fillingEmptyBins`,
    /// each empty bin's share becomes 0.0001, or a millionth of the side's smallest non-zero share
    /// when that is 0.0001 or less, as Evidently does before taking logarithms.
    public init(reference: DriftColumn, current: DriftColumn, fillingEmptyBins: Bool) {
        var referenceShares: [Double], currentShares: [Double]
        if case let .numeric(referenceSample) = reference, case let .numeric(currentSample) = current,
           let referenceLow = referenceSample.minimum, let referenceHigh = referenceSample.maximum,
           let currentLow = currentSample.minimum, let currentHigh = currentSample.maximum,
           referenceSample.hasMoreDistinctValues(than: 20) {
            let edges = Histogram.sturgesEdges(
                minimum: min(referenceLow, currentLow), maximum: max(referenceHigh, currentHigh),
                count: referenceSample.count + currentSample.count)
            referenceShares = Histogram(referenceSample, edges: edges).counts.map { Double($0) / Double(referenceSample.count) }
            currentShares = Histogram(currentSample, edges: edges).counts.map { Double($0) / Double(currentSample.count) }
        } else {
            let referenceCounts = reference.valueCounts, currentCounts = current.valueCounts
            let keys = Set(referenceCounts.counts.keys).union(currentCounts.counts.keys).sorted()
            let referenceTotal = Double(referenceCounts.total), currentTotal = Double(currentCounts.total)
            referenceShares = keys.map { Double(referenceCounts.counts[$0, default: 0]) / referenceTotal }
            currentShares = keys.map { Double(currentCounts.counts[$0, default: 0]) / currentTotal }
        }
        if fillingEmptyBins {
            BinnedShares.fillEmptyBins(&referenceShares)
            BinnedShares.fillEmptyBins(&currentShares)
        }
        self.reference = referenceShares
        self.current = currentShares
    }

    private static func fillEmptyBins(_ shares: inout [Double]) {
        guard let smallest = shares.filter({ $0 != 0 }).min() else { return }
        let filler = smallest <= 0.0001 ? smallest / 1_000_000 : 0.0001
        for index in shares.indices where shares[index] == 0 { shares[index] = filler }
    }
}
