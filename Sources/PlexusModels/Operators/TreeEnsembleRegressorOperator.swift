/// `TreeEnsembleRegressor` (ai.onnx.ml): each target's leaf weights combined over the trees by
/// `aggregate_function` (SUM, AVERAGE, MIN or MAX), plus its base value, through the
/// post-transform (for one target, only PROBIT applies, as in onnxruntime).
struct TreeEnsembleRegressorOperator: ONNXOperator {
    /// How the leaf weights of the trees combine.
    enum Aggregate: String { case sum = "SUM", average = "AVERAGE", minimum = "MIN", maximum = "MAX" }

    private let trees: TreeEnsemble
    private let targets: Int
    private let baseValues: [Float]
    private let aggregate: Aggregate
    private let transform: PostTransform

    /// The regressor of `trees` (already built, as `TreeEnsemble` of opset 5 builds them).
    init(trees: TreeEnsemble, targets: Int, aggregate: Aggregate, transform: PostTransform) {
        self.trees = trees
        self.targets = targets
        baseValues = []
        self.aggregate = aggregate
        self.transform = transform
    }

    init(_ attributes: NodeAttributes) throws(ModelError) {
        trees = try TreeEnsemble(attributes, weightPrefix: "target")
        targets = Int(try attributes.int("n_targets", default: 1))
        baseValues = try attributes.floats("base_values")
        transform = try PostTransform(attributes)
        let name = try attributes.string("aggregate_function", default: "SUM")
        guard let aggregate = Aggregate(rawValue: name) else { throw attributes.invalid("aggregate_function", "is '\(name)'; use SUM, AVERAGE, MIN or MAX") }
        self.aggregate = aggregate
        guard targets >= 1, trees.largestTarget < targets else { throw attributes.invalid("target_ids", "names target \(trees.largestTarget) of \(targets)") }
        guard baseValues.isEmpty || baseValues.count == targets else {
            throw attributes.invalid("base_values", "has \(baseValues.count) values for \(targets) target(s)")
        }
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let (x, rows, columns) = try trees.features(inputs, node: node)
        var values = [Float](repeating: 0, count: rows * targets)
        var scored = [Bool](repeating: false, count: rows * targets)
        switch aggregate {
        case .sum, .average:
            x.withUnsafeBufferPointer { x in
                values.withUnsafeMutableBufferPointer { values in
                    scored.withUnsafeMutableBufferPointer { scored in
                        trees.sumWeights(x, rows: rows, columns: columns, targets: targets, into: values, scored: scored)
                    }
                }
            }
        case .minimum, .maximum:
            for row in 0 ..< rows {
                trees.forEachLeafWeight(of: x[row * columns ..< (row + 1) * columns]) { weight in
                    let target = row * targets + weight.target
                    values[target] = !scored[target] ? weight.value : aggregate == .minimum ? min(values[target], weight.value) : max(values[target], weight.value)
                    scored[target] = true
                }
            }
        }
        for row in 0 ..< rows {
            for target in 0 ..< targets {
                if aggregate == .average { values[row * targets + target] /= Float(trees.roots.count) }
                if !baseValues.isEmpty { values[row * targets + target] += baseValues[target] }
            }
            if targets > 1 || transform == .probit { transform.apply(to: &values[row * targets ..< (row + 1) * targets]) }
        }
        return [.tensor(Tensor(checkedShape: [rows, targets], .float(values)))]
    }
}
