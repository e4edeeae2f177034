/// Finds a step along a descent direction satisfying the strong Wolfe conditions (sufficient
/// decrease and small directional derivative), by bracketing and then zooming with safeguarded
/// quadratic interpolation (Nocedal & Wright, Algorithms 3.5 and 3.6).
struct WolfeLineSearch: Sendable {
    /// Sufficient-decrease constant.
    var decrease = 1e-4
    /// Curvature constant (0.9 suits quasi-Newton directions).
    var curvature = 0.9
    /// The most function evaluations per search.
    var maxEvaluations = 60

    /// An accepted point with its value and gradient.
    struct Point {
        var point: [Double]
        var value: Double
        var gradient: [Double]
    }

    /// The accepted point along `direction`, or `nil` when no step lowers the value.
    func search(
        from start: [Double], value: Double, gradient: [Double], direction: [Double], initialStep: Double,
        _ objective: (_ point: [Double], _ gradient: inout [Double]) -> Double
    ) -> Point? {
        let slope0 = Vector.dot(gradient, direction)
        var evaluations = 0
        func evaluate(_ step: Double) -> (Point, Double) {
            evaluations += 1
            var point = start
            Vector.add(step, direction, to: &point)
            var newGradient = [Double](repeating: 0, count: start.count)
            let newValue = objective(point, &newGradient)
            return (Point(point: point, value: newValue, gradient: newGradient), Vector.dot(newGradient, direction))
        }
        var best: Point?
        var (previousStep, previousValue, previousSlope) = (0.0, value, slope0)
        var step = initialStep
        while evaluations < maxEvaluations {
            let (candidate, slope) = evaluate(step)
            if candidate.value < (best?.value ?? value) { best = candidate }
            if candidate.value > value + decrease * step * slope0 || (evaluations > 1 && candidate.value >= previousValue) {
                return zoom((previousStep, previousValue, previousSlope), (step, candidate.value), value, slope0, &best, evaluate)
            }
            if abs(slope) <= -curvature * slope0 { return candidate }
            if slope >= 0 {
                return zoom((step, candidate.value, slope), (previousStep, previousValue), value, slope0, &best, evaluate)
            }
            (previousStep, previousValue, previousSlope) = (step, candidate.value, slope)
            step *= 2
        }
        return best
    }

    private func zoom(
        _ low: (step: Double, value: Double, slope: Double), _ high: (step: Double, value: Double),
        _ value0: Double, _ slope0: Double, _ best: inout Point?, _ evaluate: (Double) -> (Point, Double)
    ) -> Point? {
        var (low, high) = (low, high)
        for _ in 0..<maxEvaluations {
            let width = high.step - low.step
            if abs(width) < 1e-16 * max(1, abs(low.step)) { break }
            let denominator = 2 * (high.value - low.value - low.slope * width)
            var step = denominator > 0 ? low.step - low.slope * width * width / denominator : low.step + width / 2
            let margin = 0.1 * abs(width)
            if step < min(low.step, high.step) + margin || step > max(low.step, high.step) - margin {
                step = low.step + width / 2
            }
            let (candidate, slope) = evaluate(step)
            if candidate.value < (best?.value ?? value0) { best = candidate }
            if candidate.value > value0 + decrease * step * slope0 || candidate.value >= low.value {
                high = (step, candidate.value)
            } else {
                if abs(slope) <= -curvature * slope0 { return candidate }
                if slope * (high.step - low.step) >= 0 { high = (low.step, low.value) }
                low = (step, candidate.value, slope)
            }
        }
        return best
    }
}
