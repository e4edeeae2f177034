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
        let outputCount = function.outputs.count
        let backgroundOutputs = try function.evaluate(background)
        let baseValues = (0 ..< outputCount).map { output in
            (0 ..< background.rows).reduce(0.0) { $0 + backgroundOutputs[$1 * outputCount + output] } / Double(background.rows)
        }
        var generator = SeededRandomNumberGenerator(seed: seed)
        var explained: [Explanation.Row] = []
        for index in 0 ..< rows.rows {
            let row = rows[row: index]
            let rowBins = discretizer.features.enumerated().map { $1.bin(of: Double(row[row.startIndex + $0])) }
            var flags = [Bool](repeating: true, count: samples * featureCount)
            var perturbed = Array(row)
            perturbed.reserveCapacity(samples * featureCount)
            for sample in 1 ..< samples {
                for (feature, description) in discretizer.features.enumerated() {
                    let bin = Self.draw(description.bins, shares: description.shares, using: &generator)
                    flags[sample * featureCount + feature] = bin == rowBins[feature]
                    perturbed.append(Float(Self.truncatedNormal(
                        mean: description.means[bin], deviation: description.deviations[bin],
                        lower: description.lower[bin], upper: description.upper[bin], using: &generator)))
                }
            }
            let outputs = try function.evaluate(FeatureMatrix(values: perturbed, rows: samples, columns: featureCount))
            let kernel = (0 ..< samples).map { sample in
                let distance = Double((0 ..< featureCount).filter { !flags[sample * featureCount + $0] }.count)
                return exp(-distance / (kernelWidth * kernelWidth)).squareRoot()
            }
            var values: [[Double]] = [], intercepts: [Double] = [], scores: [Double] = []
            let modelOutputs = Array(outputs[0 ..< outputCount])
            var fidelity = 0.0
            for output in 0 ..< outputCount {
                let targets = (0 ..< samples).map { outputs[$0 * outputCount + output] }
                let fit = try WeightedRidge.fit(flags: flags, features: featureCount, targets: targets, weights: kernel, alpha: 1)
                values.append(fit.coefficients)
                intercepts.append(fit.intercept)
                scores.append(fit.score)
                fidelity = max(fidelity, abs(fit.intercept + fit.coefficients.reduce(0, +) - modelOutputs[output]))
            }
            let conditions = discretizer.features.enumerated().map { $1.range(of: rowBins[$0]) }
            explained.append(Explanation.Row(
                outputs: modelOutputs, values: values, additivityError: fidelity, intercepts: intercepts, scores: scores, conditions: conditions))
        }
        return Explanation(outputs: function.outputs, baseValues: baseValues, rows: explained)
    }

    /// One of `bins`, drawn in proportion to `shares`.
    private static func draw(_ bins: [Int], shares: [Double], using generator: inout some RandomNumberGenerator) -> Int {
        var pick = Double.random(in: 0 ..< 1, using: &generator)
        for (bin, share) in zip(bins, shares) {
            if pick < share { return bin }
            pick -= share
        }
        return bins[bins.count - 1]
    }

    /// A normal draw kept inside [lower, upper] by rejection (the bin's mean lies inside, so few
    /// draws are refused); a bin of one value gives that value.
    private static func truncatedNormal(mean: Double, deviation: Double, lower: Double, upper: Double, using generator: inout some RandomNumberGenerator) -> Double {
        guard upper > lower else { return lower }
        for _ in 0 ..< 64 {
            // Box–Muller.
            let u = Double.random(in: Double.ulpOfOne ..< 1, using: &generator)
            let v = Double.random(in: 0 ..< 1, using: &generator)
            let value = mean + deviation * (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
            if value >= lower, value <= upper { return value }
        }
        return Double.random(in: lower ... upper, using: &generator)
    }
}

/// Ridge regression with sample weights and an unpenalised intercept, as scikit-learn's `Ridge`
/// fits it: the flags and targets are centred on their weighted means, then
/// (XᵀWX + αI)β = XᵀWy.
enum WeightedRidge {
    struct Fit {
        var coefficients: [Double]
        var intercept: Double
        /// The weighted R² of the fit.
        var score: Double
    }

    static func fit(flags: [Bool], features: Int, targets: [Double], weights: [Double], alpha: Double) throws(ModelError) -> Fit {
        let samples = targets.count
        let total = weights.reduce(0, +)
        var means = [Double](repeating: 0, count: features)
        var targetMean = 0.0
        for sample in 0 ..< samples {
            targetMean += weights[sample] * targets[sample]
            for feature in 0 ..< features where flags[sample * features + feature] { means[feature] += weights[sample] }
        }
        targetMean /= total
        means = means.map { $0 / total }
        var normal = [Double](repeating: 0, count: features * features)
        var right = [Double](repeating: 0, count: features)
        var centred = [Double](repeating: 0, count: features)
        for sample in 0 ..< samples {
            for feature in 0 ..< features { centred[feature] = (flags[sample * features + feature] ? 1 : 0) - means[feature] }
            let weight = weights[sample]
            let y = targets[sample] - targetMean
            for j in 0 ..< features {
                right[j] += weight * centred[j] * y
                for k in j ..< features { normal[j * features + k] += weight * centred[j] * centred[k] }
            }
        }
        for j in 0 ..< features {
            for k in 0 ..< j { normal[j * features + k] = normal[k * features + j] }
            normal[j * features + j] += alpha
        }
        guard let coefficients = ShapleyRegression.solve(normal, right, size: features) else {
            throw .evaluation(node: "lime", message: "the surrogate's equations are singular")
        }
        let intercept = targetMean - zip(means, coefficients).reduce(0) { $0 + $1.0 * $1.1 }
        var residual = 0.0, spread = 0.0
        for sample in 0 ..< samples {
            var predicted = intercept
            for feature in 0 ..< features where flags[sample * features + feature] { predicted += coefficients[feature] }
            residual += weights[sample] * (targets[sample] - predicted) * (targets[sample] - predicted)
            spread += weights[sample] * (targets[sample] - targetMean) * (targets[sample] - targetMean)
        }
        return Fit(coefficients: coefficients, intercept: intercept, score: spread > 0 ? 1 - residual / spread : 1)
    }
}
