import Foundation

/// The coalitions KernelSHAP values and their Shapley kernel weights, chosen as shap's
/// `KernelExplainer` chooses them for `features` varying features and a budget of coalitions.
struct ShapleyKernelSampler {
    /// The coalitions, each as one flag per varying feature, and their weights (summing to 1).
    struct Plan {
        var masks: [[Bool]] = []
        var weights: [Double] = []
        /// Whether every coalition but the empty and the full one is in the plan.
        var enumerated = false
    }

    let features: Int
    let budget: Int

    /// The plan: whole subset sizes from the outside in while the budget covers them (each with
    /// its complement), then random coalitions of the remaining sizes, drawn with `generator`.
    func coalitions(using generator: inout some RandomNumberGenerator) -> Plan {
        let m = features
        let budget = m <= 30 ? min(self.budget, (1 << m) - 2) : self.budget
        let sizes = (m - 1 + 1) / 2          // ⌈(M−1)/2⌉ subset sizes, each paired with its complement…
        let pairedSizes = (m - 1) / 2        // …except the middle one when M is even
        var kernel = (1 ... sizes).map { size in Double(m - 1) / Double(size * (m - size)) }
        if sizes != pairedSizes { kernel[sizes - 1] /= 2 }
        let kernelTotal = kernel.reduce(0, +)
        kernel = kernel.map { $0 / kernelTotal }

        var plan = Plan()
        var left = budget
        var remaining = kernel
        var fullSizes = 0
        for size in 1 ... sizes {
            var count = Self.binomial(m, size)
            if size <= pairedSizes { count *= 2 }
            guard Double(left) * remaining[size - 1] / count >= 1 - 1e-8 else { break }
            fullSizes += 1
            left -= Int(count)
            if remaining[size - 1] < 1 {
                let share = remaining[size - 1]
                remaining = remaining.map { $0 / (1 - share) }
            }
            var weight = kernel[size - 1] / Self.binomial(m, size)
            if size <= pairedSizes { weight /= 2 }
            Self.forEachSubset(of: m, size: size) { mask in
                plan.masks.append(mask)
                plan.weights.append(weight)
                if size <= pairedSizes {
                    plan.masks.append(mask.map { !$0 })
                    plan.weights.append(weight)
                }
            }
        }
        guard fullSizes != sizes else {
            plan.enumerated = true
            return plan
        }
        // The sizes left over are drawn in proportion to their kernel weight; a pair counts twice.
        var drawWeights = kernel
        for size in 0 ..< pairedSizes { drawWeights[size] /= 2 }
        drawWeights = Array(drawWeights[fullSizes...])
        let drawTotal = drawWeights.reduce(0, +)
        drawWeights = drawWeights.map { $0 / drawTotal }
        let fixed = plan.masks.count
        // Drawn coalitions by their members packed into bits, so a repeat adds to its weight.
        var seen: [[UInt64]: Int] = [:]
        seen.reserveCapacity(left)
        var key = [UInt64](repeating: 0, count: (m + 63) / 64)
        func add(_ mask: [Bool]) {
            for word in key.indices { key[word] = 0 }
            for (feature, member) in mask.enumerated() where member { key[feature / 64] |= 1 << UInt64(feature % 64) }
            if let existing = seen[key] {
                plan.weights[existing] += 1
            } else {
                seen[key] = plan.masks.count
                plan.masks.append(mask)
                plan.weights.append(1)
                left -= 1
            }
        }
        var draws = 4 * left
        var order = Array(0 ..< m)
        while left > 0, draws > 0 {
            draws -= 1
            var pick = Double.random(in: 0 ..< 1, using: &generator)
            var index = 0
            while index < drawWeights.count - 1, pick >= drawWeights[index] {
                pick -= drawWeights[index]
                index += 1
            }
            let size = index + fullSizes + 1
            // A fresh shuffle of the features, whatever order the last one left.
            order.shuffle(using: &generator)
            var mask = [Bool](repeating: false, count: m)
            for feature in order.prefix(size) { mask[feature] = true }
            add(mask)
            if left > 0, size <= pairedSizes { add(mask.map { !$0 }) }
        }
        // The random coalitions share the kernel weight of the sizes not enumerated.
        let weightLeft = kernel[fullSizes...].reduce(0, +)
        let drawn = plan.weights[fixed...].reduce(0, +)
        if drawn > 0 {
            for index in fixed ..< plan.weights.count { plan.weights[index] *= weightLeft / drawn }
        }
        return plan
    }

    /// C(n, k) as a double.
    static func binomial(_ n: Int, _ k: Int) -> Double {
        var result = 1.0
        for step in 0 ..< k { result = result * Double(n - step) / Double(step + 1) }
        return result.rounded()
    }

    /// Every subset of `size` of `count` items, in lexicographic order of their positions.
    static func forEachSubset(of count: Int, size: Int, _ body: ([Bool]) -> Void) {
        var chosen = Array(0 ..< size)
        while true {
            var mask = [Bool](repeating: false, count: count)
            for index in chosen { mask[index] = true }
            body(mask)
            var position = size - 1
            while position >= 0, chosen[position] == count - size + position { position -= 1 }
            guard position >= 0 else { return }
            chosen[position] += 1
            for next in position + 1 ..< size { chosen[next] = chosen[next - 1] + 1 }
        }
    }
}
