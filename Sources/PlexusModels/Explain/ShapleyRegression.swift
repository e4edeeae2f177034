/// The weighted least-squares fit at the heart of KernelSHAP: coalition values regressed on
/// coalition membership under the Shapley kernel, with Σ values = `gap` (the output minus the
/// base value) imposed by eliminating the last feature, as shap does.
enum ShapleyRegression {
    struct Fit {
        /// One value per feature.
        var values: [Double]
        /// One standard error per feature (zeros unless asked for).
        var standardErrors: [Double]
    }

    /// Fits `values` (each coalition's value minus the base value) on `masks` with `weights`.
    /// - Throws: ``ModelError/evaluation(node:message:)`` when the coalitions cannot separate the features.
    static func fit(masks: [[Bool]], weights: [Double], values: [Double], gap: Double, withErrors: Bool) throws(ModelError) -> Fit {
        let features = masks[0].count
        let last = features - 1
        let p = last
        // Columns: membership of feature j minus membership of the last feature; target: the value
        // minus the last feature's share of the gap.
        var normal = [Double](repeating: 0, count: p * p)
        var right = [Double](repeating: 0, count: p)
        var design = [Double](repeating: 0, count: masks.count * p)
        var targets = [Double](repeating: 0, count: masks.count)
        for (sample, mask) in masks.enumerated() {
            let lastIn = mask[last] ? 1.0 : 0.0
            targets[sample] = values[sample] - lastIn * gap
            for j in 0 ..< p { design[sample * p + j] = (mask[j] ? 1.0 : 0.0) - lastIn }
            let weight = weights[sample]
            for j in 0 ..< p {
                let x = design[sample * p + j]
                guard x != 0 else { continue }
                right[j] += weight * x * targets[sample]
                for k in 0 ..< p { normal[j * p + k] += weight * x * design[sample * p + k] }
            }
        }
        guard let solution = solve(normal, right, size: p) else {
            throw .evaluation(node: "kernel_shap", message: "the sampled coalitions cannot tell the features apart; raise nsamples")
        }
        var result = solution
        result.append(gap - solution.reduce(0, +))
        var errors = [Double](repeating: 0, count: features)
        if withErrors, masks.count > p {
            // Classical WLS errors, with the weights rescaled to sum to the number of coalitions.
            let scale = Double(masks.count) / weights.reduce(0, +)
            var residual = 0.0
            for sample in masks.indices {
                var fitted = 0.0
                for j in 0 ..< p { fitted += design[sample * p + j] * solution[j] }
                residual += weights[sample] * scale * (targets[sample] - fitted) * (targets[sample] - fitted)
            }
            let variance = residual / Double(masks.count - p)
            // Cov(w) = σ² (XᵀWX)⁻¹ with W rescaled; the last value is gap − Σw, so its variance is 1ᵀCov1.
            var total = 0.0
            for j in 0 ..< p {
                var unit = [Double](repeating: 0, count: p)
                unit[j] = 1
                guard let column = solve(normal, unit, size: p) else { continue }
                errors[j] = (max(0, variance * column[j] / scale)).squareRoot()
                total += column.reduce(0, +)
            }
            errors[last] = (max(0, variance * total / scale)).squareRoot()
        }
        return Fit(values: result, standardErrors: errors)
    }

    /// Solves the `size`×`size` system `matrix` · x = `vector` by Gaussian elimination with partial
    /// pivoting; nil when it is singular.
    static func solve(_ matrix: [Double], _ vector: [Double], size n: Int) -> [Double]? {
        var a = matrix
        var b = vector
        for column in 0 ..< n {
            var pivot = column
            for row in column + 1 ..< n where abs(a[row * n + column]) > abs(a[pivot * n + column]) { pivot = row }
            guard abs(a[pivot * n + column]) > 1e-300 else { return nil }
            if pivot != column {
                for k in 0 ..< n { a.swapAt(column * n + k, pivot * n + k) }
                b.swapAt(column, pivot)
            }
            for row in column + 1 ..< n {
                let factor = a[row * n + column] / a[column * n + column]
                guard factor != 0 else { continue }
                for k in column ..< n { a[row * n + k] -= factor * a[column * n + k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in row + 1 ..< n { sum -= a[row * n + k] * x[k] }
            x[row] = sum / a[row * n + row]
        }
        return x
    }
}
