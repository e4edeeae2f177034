import PlexusCore
import PlexusStats

/// KernelSHAP (Lundberg and Lee 2017) as shap's `KernelExplainer` computes it, for any model
/// with one numeric matrix input: each coalition of the row's features is valued by the model's
/// mean output over the background rows with those features taken from the row, and the values
/// are the weighted least-squares fit of those coalition values under the Shapley kernel, with
/// the efficiency constraint (base value + Σ values = output) built in.
///
/// Coalitions are chosen as shap chooses them: subset sizes from the outside in (1 and M−1, then
/// 2 and M−2, …), each size enumerated whole, with its complement, while the sample budget
/// covers it, then the rest drawn at random, seeded. When every coalition fits in the budget
/// (`nsamples` ≥ 2^M − 2; by default up to 11 features, or 14 with `nsamples` ≥ 16,382) the
/// values are exact Shapley values and no randomness is involved. Unlike shap, every feature is
/// kept (no L1 selection); sampled values come with a standard error per feature.
public struct KernelShapExplainer: ModelExplainer {
    public static let method = "kernel_shap"
    /// The most model evaluations (rows × coalitions × background rows) one request may make.
    public static let evaluationLimit = 5_000_000

    public var inputName: String { function.inputName }
    public var featureCount: Int { function.featureCount }
    private let function: ModelFunction

    public init(model: ONNXModel) throws(ModelError) {
        function = try ModelFunction(model: model, method: Self.method)
    }

    /// Reads `nsamples` (a count, or `auto`: 2·M + 2048 for M features) and `seed` (0 by default).
    public func explain(_ rows: FeatureMatrix, background: FeatureMatrix, options: [String: JSONValue]) throws(ModelError) -> (Explanation, settings: [String: JSONValue]) {
        let (budget, seed) = try settings(options, rowCount: rows.rows, backgroundRows: background.rows)
        let explanation = try explain(rows, background: background, budget: budget, seed: seed)
        let enumerated = featureCount <= 30 && budget >= (1 << featureCount) - 2
        return (explanation, [
            "nsamples": .number(Double(budget)), "seed": .number(Double(seed)), "enumerated": .bool(enumerated),
            "backgroundRows": .number(Double(background.rows)),
        ])
    }

    public func check(rowCount: Int, background: FeatureMatrix, options: [String: JSONValue]) throws(ModelError) {
        _ = try settings(options, rowCount: rowCount, backgroundRows: background.rows)
    }

    /// The coalition budget and seed `options` ask for, checked against the evaluation limit.
    private func settings(_ options: [String: JSONValue], rowCount: Int, backgroundRows: Int) throws(ModelError) -> (budget: Int, seed: UInt64) {
        let features = featureCount
        var budget = 2 * features + 2_048
        if let given = options["nsamples"], given != .string("auto") {
            guard let count = given.numberValue, count.rounded() == count, count >= 2, count <= 1_000_000 else {
                throw .invalidRequest(field: "nsamples", message: "nsamples is a whole number of coalitions, 2–1000000, or auto (2·features + 2048).")
            }
            budget = Int(count)
        }
        var seed: UInt64 = 0
        if let given = options["seed"] {
            guard let number = given.numberValue, number.rounded() == number, number >= 0, number < 9e15 else {
                throw .invalidRequest(field: "seed", message: "seed is a whole number, 0 or more.")
            }
            seed = UInt64(number)
        }
        let coalitions = features <= 30 ? min(budget, (1 << features) - 2) : budget
        let rows = Self.budgetedRows(rowCount)
        guard rows * max(coalitions, 1) * backgroundRows <= Self.evaluationLimit else {
            throw .invalidRequest(field: "background", message:
                "KernelSHAP evaluates the model on rows × coalitions × background rows = \(rows) × \(coalitions) × \(backgroundRows), more than \(Self.evaluationLimit) in one request. Send fewer rows, a smaller background (a k-means summary of 10–50 rows is usual) or a smaller nsamples.")
        }
        return (budget, seed)
    }

    /// The KernelSHAP values of `rows` against `background` with a budget of `budget` coalitions.
    public func explain(_ rows: FeatureMatrix, background: FeatureMatrix, budget: Int, seed: UInt64) throws(ModelError) -> Explanation {
        guard rows.columns == featureCount else {
            throw .invalidRequest(field: "rows", message: "Rows need \(featureCount) features for '\(inputName)'; these have \(rows.columns).")
        }
        guard background.columns == featureCount, background.rows > 0 else {
            throw .invalidRequest(field: "background", message: "The background needs at least one row of \(featureCount) features; it has \(background.rows) of \(background.columns).")
        }
        let outputCount = function.outputs.count
        let backgroundOutputs = try function.evaluate(background)
        let baseValues = (0 ..< outputCount).map { output in
            (0 ..< background.rows).reduce(0.0) { $0 + backgroundOutputs[$1 * outputCount + output] } / Double(background.rows)
        }
        let rowOutputs = try function.evaluate(rows)
        var generator = SeededRandomNumberGenerator(seed: seed)
        var explained: [Explanation.Row] = []
        for index in 0 ..< rows.rows {
            let row = rows[row: index]
            let output = Array(rowOutputs[index * outputCount ..< (index + 1) * outputCount])
            let gaps = output.indices.map { output[$0] - baseValues[$0] }
            var values = [[Double]](repeating: [Double](repeating: 0, count: featureCount), count: outputCount)
            var errors: [[Double]]?
            let varying = Self.varyingFeatures(row, background: background)
            if varying.count == 1 {
                for out in 0 ..< outputCount { values[out][varying[0]] = gaps[out] }
            } else if varying.count > 1 {
                let plan = ShapleyKernelSampler(features: varying.count, budget: budget).coalitions(using: &generator)
                let synthetic = Self.synthetic(row, varying: varying, coalitions: plan.masks, background: background)
                let evaluated = try function.evaluate(synthetic)
                var coalitionValues = [Double](repeating: 0, count: plan.masks.count * outputCount)
                for coalition in plan.masks.indices {
                    for reference in 0 ..< background.rows {
                        let offset = (coalition * background.rows + reference) * outputCount
                        for out in 0 ..< outputCount { coalitionValues[coalition * outputCount + out] += evaluated[offset + out] }
                    }
                }
                for position in coalitionValues.indices { coalitionValues[position] /= Double(background.rows) }
                if !plan.enumerated { errors = values }
                let fits = try ShapleyRegression.fit(
                    masks: plan.masks, weights: plan.weights,
                    values: (0 ..< outputCount).map { out in plan.masks.indices.map { coalitionValues[$0 * outputCount + out] - baseValues[out] } },
                    gaps: gaps, withErrors: !plan.enumerated)
                for (out, fit) in fits.enumerated() {
                    for (position, feature) in varying.enumerated() {
                        values[out][feature] = fit.values[position]
                        errors?[out][feature] = fit.standardErrors[position]
                    }
                }
            }
            let additivity = output.indices.map { abs(baseValues[$0] + values[$0].reduce(0, +) - output[$0]) }.max() ?? 0
            explained.append(Explanation.Row(outputs: output, values: values, additivityError: additivity, standardErrors: errors))
        }
        return Explanation(outputs: function.outputs, baseValues: baseValues, rows: explained)
    }

    /// The features where some background row differs from `row` (as shap decides, with NumPy's
    /// `isclose`); the others cannot move the output and get zero.
    static func varyingFeatures(_ row: ArraySlice<Float>, background: FeatureMatrix) -> [Int] {
        (0 ..< background.columns).filter { feature in
            let value = Double(row[row.startIndex + feature])
            return (0 ..< background.rows).contains { reference in
                let other = Double(background.values[reference * background.columns + feature])
                if value.isNaN || other.isNaN { return !(value.isNaN && other.isNaN) }
                return abs(value - other) > 1e-8 + 1e-5 * abs(other)
            }
        }
    }

    /// For each coalition, every background row with the coalition's features taken from `row`.
    private static func synthetic(_ row: ArraySlice<Float>, varying: [Int], coalitions: [[Bool]], background: FeatureMatrix) -> FeatureMatrix {
        let block = background.values.count
        let (columns, references) = (background.columns, background.rows)
        let values = [Float](unsafeUninitializedCapacity: coalitions.count * block) { buffer, initialized in
            background.values.withUnsafeBufferPointer { source in
                for (index, mask) in coalitions.enumerated() {
                    let start = buffer.baseAddress! + index * block
                    start.initialize(from: source.baseAddress!, count: block)
                    for (position, feature) in varying.enumerated() where mask[position] {
                        let value = row[row.startIndex + feature]
                        for reference in 0 ..< references { start[reference * columns + feature] = value }
                    }
                }
            }
            initialized = coalitions.count * block
        }
        return FeatureMatrix(values: values, rows: coalitions.count * references, columns: columns)
    }
}
