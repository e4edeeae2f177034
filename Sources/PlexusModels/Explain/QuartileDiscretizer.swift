/// lime's quartile discretizer over background (training) rows: each feature's values cut at
/// its quartiles into up to four bins, with each bin's share of the rows and the mean, standard
/// deviation and bounds of its values, so perturbed rows can be drawn bin by bin.
struct QuartileDiscretizer: Sendable {
    /// One feature's cuts and bins.
    struct Feature: Sendable {
        /// The distinct quartiles (25th, 50th, 75th percentiles, linearly interpolated).
        let cuts: [Double]
        /// The bins the background occupies, in order, with their shares of its rows.
        let bins: [Int]
        let shares: [Double]
        /// Per bin (0 … cuts.count): the mean and standard deviation of its values, and its bounds.
        let means: [Double]
        let deviations: [Double]
        let lower: [Double]
        let upper: [Double]

        /// The bin of `value`: how many cuts lie below it (a value on a cut belongs to the bin below).
        func bin(of value: Double) -> Int {
            cuts.firstIndex { value <= $0 } ?? cuts.count
        }

        /// The bounds of `bin`.
        func range(of bin: Int) -> FeatureBin {
            FeatureBin(lower: bin == 0 ? nil : cuts[bin - 1], upper: bin == cuts.count ? nil : cuts[bin])
        }
    }

    let features: [Feature]

    init(_ background: FeatureMatrix) {
        features = (0 ..< background.columns).map { column in
            let values = (0 ..< background.rows).map { Double(background.values[$0 * background.columns + column]) }
            let sorted = values.sorted()
            var cuts: [Double] = []
            for percent in [25.0, 50, 75] {
                let cut = Self.percentile(sorted, percent)
                if cuts.last != cut { cuts.append(cut) }
            }
            let binned = values.map { value in cuts.firstIndex { value <= $0 } ?? cuts.count }
            var means: [Double] = [], deviations: [Double] = []
            for bin in 0 ... cuts.count {
                let members = zip(values, binned).filter { $0.1 == bin }.map(\.0)
                let mean = members.isEmpty ? 0 : members.reduce(0, +) / Double(members.count)
                let variance = members.isEmpty ? 0 : members.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(members.count)
                means.append(mean)
                deviations.append(variance.squareRoot() + 1e-11)
            }
            let occupied = Array(Set(binned)).sorted()
            let shares = occupied.map { bin in Double(binned.filter { $0 == bin }.count) / Double(values.count) }
            return Feature(cuts: cuts, bins: occupied, shares: shares, means: means, deviations: deviations,
                           lower: [sorted.first ?? 0] + cuts, upper: cuts + [sorted.last ?? 0])
        }
    }

    /// NumPy's default percentile (linear interpolation between closest ranks) of sorted values.
    static func percentile(_ sorted: [Double], _ percent: Double) -> Double {
        guard sorted.count > 1 else { return sorted.first ?? 0 }
        let position = percent / 100 * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (sorted[above] - sorted[below]) * (position - Double(below))
    }
}
