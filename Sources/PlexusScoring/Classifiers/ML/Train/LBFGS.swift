/// Limited-memory BFGS: minimizes a smooth function from its value and gradient, keeping the last
/// ``memory`` steps to approximate the inverse Hessian (Nocedal & Wright, Algorithm 7.5), with a
/// ``WolfeLineSearch`` along each direction.
struct LBFGS: Sendable {
    /// How many past steps shape the search direction.
    var memory = 10
    /// The most iterations (directions searched).
    var maxIterations = 2000
    /// Stops when the largest gradient component is at most this.
    var gradientTolerance = 1e-10
    /// Stops when an iteration lowers the value by at most this fraction of it.
    var relativeDecreaseTolerance = 1e-15

    /// The minimizer's result: the point, its value and how it stopped.
    struct Result: Sendable {
        var point: [Double]
        var value: Double
        var iterations: Int
        var converged: Bool
    }

    /// Minimizes `objective`, which returns the value at a point and writes the gradient.
    func minimize(from start: [Double], _ objective: (_ point: [Double], _ gradient: inout [Double]) -> Double) -> Result {
        var point = start
        var gradient = [Double](repeating: 0, count: start.count)
        var value = objective(point, &gradient)
        var steps: [[Double]] = []
        var gradientChanges: [[Double]] = []
        var curvatures: [Double] = []
        let search = WolfeLineSearch()
        for iteration in 0..<maxIterations {
            if Vector.maxMagnitude(gradient) <= gradientTolerance {
                return Result(point: point, value: value, iterations: iteration, converged: true)
            }
            var direction = Self.direction(gradient, steps, gradientChanges, curvatures)
            if Vector.dot(direction, gradient) >= 0 {
                direction = gradient.map { -$0 }  // the curvature pairs went stale: fall back to steepest descent
                steps.removeAll()
                gradientChanges.removeAll()
                curvatures.removeAll()
            }
            let initialStep = iteration == 0 ? min(1, 1 / Vector.norm(gradient)) : 1
            guard let found = search.search(from: point, value: value, gradient: gradient, direction: direction, initialStep: initialStep, objective) else {
                return Result(point: point, value: value, iterations: iteration, converged: false)
            }
            let step = zip(found.point, point).map { $0 - $1 }
            let change = zip(found.gradient, gradient).map { $0 - $1 }
            let curvature = Vector.dot(step, change)
            if curvature > 1e-300 {
                steps.append(step)
                gradientChanges.append(change)
                curvatures.append(curvature)
                if steps.count > memory {
                    steps.removeFirst()
                    gradientChanges.removeFirst()
                    curvatures.removeFirst()
                }
            }
            let decrease = value - found.value
            (point, value, gradient) = (found.point, found.value, found.gradient)
            if decrease <= relativeDecreaseTolerance * max(abs(value), 1) {
                return Result(point: point, value: value, iterations: iteration + 1, converged: true)
            }
        }
        return Result(point: point, value: value, iterations: maxIterations, converged: false)
    }

    /// The two-loop recursion: minus the approximate inverse Hessian times the gradient.
    private static func direction(_ gradient: [Double], _ steps: [[Double]], _ changes: [[Double]], _ curvatures: [Double]) -> [Double] {
        var q = gradient
        var alphas = [Double](repeating: 0, count: steps.count)
        for index in steps.indices.reversed() {
            alphas[index] = Vector.dot(steps[index], q) / curvatures[index]
            Vector.add(-alphas[index], changes[index], to: &q)
        }
        if let last = steps.indices.last {
            let scale = curvatures[last] / Vector.dot(changes[last], changes[last])
            for index in q.indices { q[index] *= scale }
        }
        for index in steps.indices {
            let beta = Vector.dot(changes[index], q) / curvatures[index]
            Vector.add(alphas[index] - beta, steps[index], to: &q)
        }
        return q.map { -$0 }
    }
}
