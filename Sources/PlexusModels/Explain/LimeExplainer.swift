import Foundation
import PlexusCore
import PlexusStats

/// LIME for tabular data (Ribeiro et al. 2016) with lime's defaults, for any model with one
/// numeric matrix input: each feature is cut at the background's quartiles; perturbed rows draw
/// each feature's bin in proportion to the background and a value inside it from a normal
/// truncated to the bin; a perturbed row is described by which features stayed in the explained
/// row's bin, weighted by the kernel √exp(−d²/w²) (d the Euclidean distance of those flags from
/// the row's, w = 0.75·√features), and a weighted ridge regression (α = 1, with intercept) of
/// the model's outputs on the flags gives each feature's weight. Seeded, so the same request
/// gives the same weights bit for bit.
public struct LimeExplainer: ModelExplainer {
    public static let method = "lime"
    /// The most model evaluations (rows × samples) one request may make.
    public static let evaluationLimit = 5_000_000

    public var inputName: String { function.inputName }
    public var featureCount: Int { function.featureCount }
    private let function: ModelFunction

    public init(model: ONNXModel) throws(ModelError) {
        function = try ModelFunction(model: model, method: Self.method)
    }

    /// Reads `numSamples` (5,000 by default), `kernelWidth` (0.75·√features) and `seed` (0).
    public func explain(_ rows: FeatureMatrix, background: FeatureMatrix, options: [String: JSONValue]) throws(ModelError) -> (Explanation, settings: [String: JSONValue]) {
        let (samples, width, seed) = try settings(options, rowCount: rows.rows)
        let explanation = try explain(rows, background: background, samples: samples, kernelWidth: width, seed: seed)
        return (explanation, [
            "numSamples": .number(Double(samples)), "kernelWidth": .number(width), "seed": .number(Double(seed)),
            "discretizer": .string("quartile"), "backgroundRows": .number(Double(background.rows)),
        ])
    }

    public func check(rowCount: Int, background: FeatureMatrix, options: [String: JSONValue]) throws(ModelError) {
        _ = try settings(options, rowCount: rowCount)
    }

    /// The samples, kernel width and seed `options` ask for, checked against the evaluation limit.
    private func settings(_ options: [String: JSONValue], rowCount: Int) throws(ModelError) -> (samples: Int, kernelWidth: Double, seed: UInt64) {
        var samples = 5_000
        if let given = options["numSamples"] ?? options["num_samples"] {
            guard let count = given.numberValue, count.rounded() == count, count >= 10, count <= 1_000_000 else {
                throw .invalidRequest(field: "numSamples", message: "numSamples is a whole number of perturbed rows, 10–1000000 (lime's default is 5000).")
            }
            samples = Int(count)
        }
        var width = 0.75 * Double(featureCount).squareRoot()
        if let given = options["kernelWidth"] ?? options["kernel_width"] {
            guard let number = given.numberValue, number > 0, number.isFinite else {
                throw .invalidRequest(field: "kernelWidth", message: "kernelWidth is a positive number (lime's default is 0.75·√features).")
            }
            width = number
        }
        var seed: UInt64 = 0
        if let given = options["seed"] {
            guard let number = given.numberValue, number.rounded() == number, number >= 0, number < 9e15 else {
                throw .invalidRequest(field: "seed", message: "seed is a whole number, 0 or more.")
            }
            seed = UInt64(number)
        }
        let rows = Self.budgetedRows(rowCount)
        guard rows * samples <= Self.evaluationLimit else {
            throw .invalidRequest(field: "numSamples", message:
                "LIME evaluates the model on rows × numSamples = \(rows) × \(samples), more than \(Self.evaluationLimit) in one request. Send fewer rows or a smaller numSamples.")
        }
        return (samples, width, seed)
    }

    /// The LIME weights of `rows`, with `background` as the training data the discretizer learns from.
    public func explain(_ rows: FeatureMatrix, background: FeatureMatrix, samples: Int, kernelWidth: Double, seed: UInt64) throws(ModelError) -> Explanation {
        guard rows.columns == featureCount else {
            throw .invalidRequest(field: "rows", message: "Rows need \(featureCount) features for '\(inputName)'; these have \(rows.columns).")
        }
        guard background.columns == featureCount, background.rows > 0 else {
            throw .invalidRequest(field: "background", message: "The background needs at least one row of \(featureCount) features; it has \(background.rows) of \(background.columns).")
        }
        let discretizer = QuartileDiscretizer(background)
        let tables = PerturbationTables(discretizer)
        let outputCount = function.outputs.count
        let backgroundOutputs = try function.evaluate(background)
        let baseValues = (0 ..< outputCount).map { output in
            (0 ..< background.rows).reduce(0.0) { $0 + backgroundOutputs[$1 * outputCount + output] } / Double(background.rows)
        }
        // A sample's kernel weight depends only on how many features left the row's bin.
        let kernelByDistance = (0 ... featureCount).map { exp(-Double($0) / (kernelWidth * kernelWidth)).squareRoot() }
        var generator = SeededRandomNumberGenerator(seed: seed)
        var perturbed = [Float](repeating: 0, count: samples * featureCount)
        var design = WeightedRidge(features: featureCount, samples: samples)
        var kernel = [Double](repeating: 1, count: samples)
        var explained: [Explanation.Row] = []
        for index in 0 ..< rows.rows {
            let row = rows[row: index]
            let rowBins = discretizer.features.enumerated().map { $1.bin(of: Double(row[row.startIndex + $0])) }
            design.removeAll()
            // The first sample is the row itself; the others draw every feature's bin and value.
            var kept = (0 ..< Int32(featureCount)).map { $0 }
            kept.withUnsafeBufferPointer { design.addSample($0) }
            for feature in 0 ..< featureCount { perturbed[feature] = row[row.startIndex + feature] }
            perturbed.withUnsafeMutableBufferPointer { perturbed in
                kept.withUnsafeMutableBufferPointer { kept in
                    for sample in 1 ..< samples {
                        // Without branches on the draws, which the processor cannot predict.
                        var stayed = 0
                        for feature in 0 ..< featureCount {
                            let bin = tables.drawBin(feature, using: &generator)
                            kept[stayed] = Int32(feature)
                            stayed += bin == rowBins[feature] ? 1 : 0
                            perturbed[sample * featureCount + feature] = Float(tables.drawValue(feature, bin: bin, using: &generator))
                        }
                        design.addSample(UnsafeBufferPointer(rebasing: kept[0 ..< stayed]))
                        kernel[sample] = kernelByDistance[featureCount - stayed]
                    }
                }
            }
            let outputs = try function.evaluate(FeatureMatrix(values: perturbed, rows: samples, columns: featureCount))
            let modelOutputs = Array(outputs[0 ..< outputCount])
            let fits = try design.fit(
                targets: (0 ..< outputCount).map { output in (0 ..< samples).map { outputs[$0 * outputCount + output] } },
                weights: kernel, alpha: 1)
            let fidelity = zip(fits, modelOutputs).map { abs($0.intercept + $0.coefficients.reduce(0, +) - $1) }.max() ?? 0
            let conditions = discretizer.features.enumerated().map { $1.range(of: rowBins[$0]) }
            explained.append(Explanation.Row(
                outputs: modelOutputs, values: fits.map(\.coefficients), additivityError: fidelity,
                intercepts: fits.map(\.intercept), scores: fits.map(\.score), conditions: conditions))
        }
        return Explanation(outputs: function.outputs, baseValues: baseValues, rows: explained)
    }
}

/// The discretizer's bins laid out flat, feature by feature, for drawing perturbed values fast:
/// a feature's bin in proportion to the background, then a value from a normal with the bin's
/// mean and deviation truncated to the bin's bounds.
private struct PerturbationTables {
    /// At most four bins a feature (three cuts).
    private static let width = 4
    private let occupied: [Int]
    private let cumulativeShares: [Double]
    private let means: [Double]
    private let deviations: [Double]
    private let lower: [Double]
    private let upper: [Double]
    private let normals = NormalDraws()

    init(_ discretizer: QuartileDiscretizer) {
        let count = discretizer.features.count * Self.width
        var occupied = [Int](repeating: 0, count: count), cumulative = [Double](repeating: 1, count: count)
        var means = [Double](repeating: 0, count: count), deviations = means, lower = means, upper = means
        for (feature, description) in discretizer.features.enumerated() {
            let base = feature * Self.width
            var running = 0.0
            for (slot, (bin, share)) in zip(description.bins, description.shares).enumerated() {
                running += share
                occupied[base + slot] = bin
                // The last bin takes every draw left, whatever rounding did to the running sum.
                cumulative[base + slot] = slot == description.bins.count - 1 ? 1 : running
            }
            for bin in description.means.indices {
                means[base + bin] = description.means[bin]
                deviations[base + bin] = description.deviations[bin]
                lower[base + bin] = description.lower[bin]
                upper[base + bin] = description.upper[bin]
            }
        }
        (self.occupied, cumulativeShares) = (occupied, cumulative)
        (self.means, self.deviations, self.lower, self.upper) = (means, deviations, lower, upper)
    }

    /// One of `feature`'s occupied bins, drawn in proportion to its share of the background.
    @inline(__always)
    func drawBin(_ feature: Int, using generator: inout SeededRandomNumberGenerator) -> Int {
        let pick = NormalDraws.uniform(&generator)
        let base = feature * Self.width
        // Slots past the last occupied one hold 1, which no draw reaches.
        let slot = (pick >= cumulativeShares[base] ? 1 : 0) + (pick >= cumulativeShares[base + 1] ? 1 : 0)
            + (pick >= cumulativeShares[base + 2] ? 1 : 0)
        return occupied[base + slot]
    }

    /// A normal draw with `bin`'s mean and deviation kept inside its bounds by rejection (the
    /// bin's mean lies inside, so few draws are refused); a bin of one value gives that value.
    @inline(__always)
    func drawValue(_ feature: Int, bin: Int, using generator: inout SeededRandomNumberGenerator) -> Double {
        let index = feature * Self.width + bin
        let (low, high) = (lower[index], upper[index])
        guard high > low else { return low }
        for _ in 0 ..< 64 {
            let value = means[index] + deviations[index] * normals.next(using: &generator)
            if value >= low, value <= high { return value }
        }
        return low + (high - low) * NormalDraws.uniform(&generator)
    }
}
