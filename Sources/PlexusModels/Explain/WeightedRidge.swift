/// Ridge regression on binary features (LIME's "is this feature as in the explained row" flags)
/// with sample weights and an unpenalised intercept, as scikit-learn's `Ridge` fits it: the flags
/// and targets are centred on their weighted means, then (XᵀWX + αI)β = XᵀWy.
///
/// The flags are held as each sample's list of set features, so the weighted Gram matrix costs
/// one addition per pair of set flags, and it is shared by every target: a classifier's outputs
/// are fitted with one factorisation.
struct WeightedRidge {
    /// One target's fit.
    struct Fit: Equatable {
        var coefficients: [Double]
        var intercept: Double
        /// The weighted R² of the fit.
        var score: Double
    }

    /// The samples' set flags: sample s has features `members[starts[s] ..< starts[s + 1]]`.
    private(set) var members: [Int32] = []
    private(set) var starts: [Int] = [0]
    let features: Int

    /// An empty design of `features` flags a sample, with room for `samples` samples.
    init(features: Int, samples: Int = 0) {
        self.features = features
        members.reserveCapacity(samples * features)
        starts.reserveCapacity(samples + 1)
    }

    /// The design of row-major `flags`, `features` a sample.
    init(flags: [Bool], features: Int) {
        self.init(features: features, samples: flags.count / max(features, 1))
        for sample in 0 ..< flags.count / max(features, 1) {
            let set = (0 ..< features).filter { flags[sample * features + $0] }.map(Int32.init)
            set.withUnsafeBufferPointer { addSample($0) }
        }
    }

    /// How many samples have been added.
    var samples: Int { starts.count - 1 }

    /// Adds a sample with the flags of `set` (in increasing order) set.
    mutating func addSample(_ set: UnsafeBufferPointer<Int32>) {
        members.append(contentsOf: set)
        starts.append(members.count)
    }

    /// Forgets every sample, keeping the storage.
    mutating func removeAll() {
        members.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
    }

    /// Fits each of `targets` (one value a sample each) with `weights`.
    /// - Throws: ``ModelError/evaluation(node:message:)`` when the equations are singular (α = 0 and a constant flag).
    func fit(targets: [[Double]], weights: [Double], alpha: Double) throws(ModelError) -> [Fit] {
        let p = features
        var gram = [Double](repeating: 0, count: p * p)
        var total = 0.0
        members.withUnsafeBufferPointer { members in
            gram.withUnsafeMutableBufferPointer { gram in
                for sample in 0 ..< samples {
                    let weight = weights[sample]
                    total += weight
                    let (start, end) = (starts[sample], starts[sample + 1])
                    for first in start ..< end {
                        let row = Int(members[first]) * p
                        for second in first ..< end { gram[row + Int(members[second])] += weight }
                    }
                }
            }
        }
        // Flags are listed in increasing order, so the sums sit in the upper triangle.
        let means = (0 ..< p).map { gram[$0 * p + $0] / total }
        var normal = [Double](repeating: 0, count: p * p)
        for j in 0 ..< p {
            for k in j ..< p {
                let centred = gram[j * p + k] - total * means[j] * means[k]
                normal[j * p + k] = centred
                normal[k * p + j] = centred
            }
            normal[j * p + j] += alpha
        }
        var targetMeans: [Double] = [], rights: [[Double]] = []
        for values in targets {
            var sum = 0.0
            var products = [Double](repeating: 0, count: p)
            for sample in 0 ..< samples {
                let weighted = weights[sample] * values[sample]
                sum += weighted
                for position in starts[sample] ..< starts[sample + 1] { products[Int(members[position])] += weighted }
            }
            let mean = sum / total
            targetMeans.append(mean)
            rights.append((0 ..< p).map { products[$0] - total * means[$0] * mean })
        }
        guard let solutions = LinearSystem.solve(normal, rights, size: p) else {
            throw .evaluation(node: "lime", message: "the surrogate's equations are singular")
        }
        return zip(targets, zip(solutions, targetMeans)).map { values, solved in
            let (coefficients, mean) = solved
            let intercept = mean - zip(means, coefficients).reduce(0) { $0 + $1.0 * $1.1 }
            var residual = 0.0, spread = 0.0
            for sample in 0 ..< samples {
                var predicted = intercept
                for position in starts[sample] ..< starts[sample + 1] { predicted += coefficients[Int(members[position])] }
                residual += weights[sample] * (values[sample] - predicted) * (values[sample] - predicted)
                spread += weights[sample] * (values[sample] - mean) * (values[sample] - mean)
            }
            return Fit(coefficients: coefficients, intercept: intercept, score: spread > 0 ? 1 - residual / spread : 1)
        }
    }
}
