/// The weighted least-squares fit at the heart of KernelSHAP: coalition values regressed on
/// coalition membership under the Shapley kernel, with Σ values = gap (the output minus the
/// base value) imposed by eliminating the last feature, as shap does. The normal equations
/// depend only on the coalitions, so every output of a model is fitted with one factorisation.
enum ShapleyRegression {
    struct Fit {
        /// One value per feature.
        var values: [Double]
        /// One standard error per feature (zeros unless asked for).
        var standardErrors: [Double]
    }

    /// Fits, for each output, `values[output]` (each coalition's value minus the base value) on
    /// `masks` with `weights`, its values summing to `gaps[output]`.
    /// - Throws: ``ModelError/evaluation(node:message:)`` when the coalitions cannot separate the features.
    static func fit(masks: [[Bool]], weights: [Double], values: [[Double]], gaps: [Double], withErrors: Bool) throws(ModelError) -> [Fit] {
        let features = masks[0].count
        let last = features - 1
        let p = last
        // Columns: membership of feature j minus membership of the last feature, each −1, 0 or 1.
        var design = [Double](repeating: 0, count: masks.count * p)
        var normal = [Double](repeating: 0, count: p * p)
        design.withUnsafeMutableBufferPointer { design in
            normal.withUnsafeMutableBufferPointer { normal in
                for (sample, mask) in masks.enumerated() {
                    let row = design.baseAddress! + sample * p
                    mask.withUnsafeBufferPointer { mask in
                        let lastIn = mask[last] ? 1.0 : 0.0
                        for j in 0 ..< p { row[j] = (mask[j] ? 1.0 : 0.0) - lastIn }
                    }
                    let weight = weights[sample]
                    for j in 0 ..< p where row[j] != 0 {
                        let x = weight * row[j]
                        for k in j ..< p { normal[j * p + k] += x * row[k] }
                    }
                }
            }
        }
        for j in 0 ..< p {
            for k in 0 ..< j { normal[j * p + k] = normal[k * p + j] }
        }
        // Targets: each value minus the last feature's share of the gap.
        let targets = values.indices.map { output in
            masks.indices.map { values[output][$0] - (masks[$0][last] ? gaps[output] : 0) }
        }
        var rights = targets.map { target in
            var right = [Double](repeating: 0, count: p)
            for sample in masks.indices {
                let weighted = weights[sample] * target[sample]
                for j in 0 ..< p { right[j] += weighted * design[sample * p + j] }
            }
            return right
        }
        let errorsWanted = withErrors && masks.count > p
        // The inverse's columns, for the standard errors, come from the same factorisation.
        if errorsWanted {
            for j in 0 ..< p {
                var unit = [Double](repeating: 0, count: p)
                unit[j] = 1
                rights.append(unit)
            }
        }
        guard let solutions = LinearSystem.solve(normal, rights, size: p) else {
            throw .evaluation(node: "kernel_shap", message: "the sampled coalitions cannot tell the features apart; raise nsamples")
        }
        let inverse = Array(solutions[values.count...])
        return values.indices.map { output in
            let solution = solutions[output]
            var errors = [Double](repeating: 0, count: features)
            if errorsWanted {
                // Classical WLS errors, with the weights rescaled to sum to the number of coalitions.
                let scale = Double(masks.count) / weights.reduce(0, +)
                var residual = 0.0
                for sample in masks.indices {
                    var fitted = 0.0
                    for j in 0 ..< p { fitted += design[sample * p + j] * solution[j] }
                    let miss = targets[output][sample] - fitted
                    residual += weights[sample] * scale * miss * miss
                }
                let variance = residual / Double(masks.count - p)
                // Cov(w) = σ² (XᵀWX)⁻¹ with W rescaled; the last value is gap − Σw, so its variance is 1ᵀCov1.
                var total = 0.0
                for j in 0 ..< p {
                    errors[j] = (max(0, variance * inverse[j][j] / scale)).squareRoot()
                    total += inverse[j].reduce(0, +)
                }
                errors[last] = (max(0, variance * total / scale)).squareRoot()
            }
            return Fit(values: solution + [gaps[output] - solution.reduce(0, +)], standardErrors: errors)
        }
    }
}
