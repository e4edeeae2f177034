/// `TreeEnsemble` (ai.onnx.ml opset 5): the one tree operator of newer exporters. Interior nodes
/// and leaves are listed apart (`nodes_*` and `leaf_*`), each branch says whether its children are
/// leaves, each leaf adds one weight to one target, and modes, thresholds and weights are tensors.
/// It is translated when the model is loaded into the layout of `TreeEnsembleRegressor` and runs
/// as that does: `aggregate_function` over the trees, then `post_transform`. A `BRANCH_MEMBER`
/// node (true when the feature is one of its `membership_values`) becomes a chain of
/// `BRANCH_EQ` nodes on the same feature, one per member, each sending a match to (its own copy
/// of) the node's true subtree and the last sending the rest to its false child, which decides
/// as onnxruntime does; a missing value follows the node's flag at the chain's first link.
///
/// `post_transform` is read as onnxruntime (1.32) reads it, which is not quite the spec: it casts
/// the number to its own list, so 1 is LOGISTIC and 2 SOFTMAX (the spec has them the other way),
/// and with one target only PROBIT applies, as for `TreeEnsembleRegressor` (onnxruntime#26596).
/// scripts/reference/onnx_operator_fixtures.py records onnxruntime doing both.
struct TreeEnsembleOperator: ONNXOperator {
    /// The most nodes the translated trees may have (set tests copy subtrees).
    private static let nodeLimit = 10_000_000
    private static let modeNames = ["BRANCH_LEQ", "BRANCH_LT", "BRANCH_GTE", "BRANCH_GT", "BRANCH_EQ", "BRANCH_NEQ"]
    private static let aggregates: [TreeEnsembleRegressorOperator.Aggregate] = [.average, .sum, .minimum, .maximum]
    /// onnxruntime's order (see above), not the spec's.
    private static let transforms: [PostTransform] = [.none, .logistic, .softmax, .softmaxZero, .probit]

    private let regressor: TreeEnsembleRegressorOperator

    init(_ attributes: NodeAttributes) throws(ModelError) {
        let read = try Self.read(attributes)
        regressor = TreeEnsembleRegressorOperator(trees: read.trees, targets: read.targets, aggregate: read.aggregate, transform: read.transform)
    }

    /// The node's trees in `TreeEnsembleRegressor`'s form, its target count, aggregate and
    /// post-transform: what the operator runs, and what TreeSHAP explains.
    static func read(_ attributes: NodeAttributes) throws(ModelError)
        -> (trees: TreeEnsemble, targets: Int, aggregate: TreeEnsembleRegressorOperator.Aggregate, transform: PostTransform) {
        let roots = try attributes.ints("tree_roots", required: true)
        let features = try attributes.ints("nodes_featureids", required: true)
        let trueIDs = try attributes.ints("nodes_truenodeids", required: true)
        let falseIDs = try attributes.ints("nodes_falsenodeids", required: true)
        let trueLeaves = try attributes.ints("nodes_trueleafs", required: true)
        let falseLeaves = try attributes.ints("nodes_falseleafs", required: true)
        let missingTrue = try attributes.ints("nodes_missing_value_tracks_true")
        guard let modeTensor = try attributes.tensor("nodes_modes"), case let .int64(modes) = modeTensor.elements else { throw attributes.missing("nodes_modes") }
        guard let splits = try attributes.tensor("nodes_splits")?.floats else { throw attributes.missing("nodes_splits") }
        guard let weights = try attributes.tensor("leaf_weights")?.floats else { throw attributes.missing("leaf_weights") }
        let leafTargets = try attributes.ints("leaf_targetids", required: true)
        let count = features.count
        for (name, length) in [("nodes_truenodeids", trueIDs.count), ("nodes_falsenodeids", falseIDs.count), ("nodes_trueleafs", trueLeaves.count),
                               ("nodes_falseleafs", falseLeaves.count), ("nodes_modes", modes.count), ("nodes_splits", splits.count)]
        where length != count {
            throw attributes.invalid(name, "has \(length) entries for \(count) nodes")
        }
        guard missingTrue.isEmpty || missingTrue.count == count else {
            throw attributes.invalid("nodes_missing_value_tracks_true", "has \(missingTrue.count) entries for \(count) nodes")
        }
        guard leafTargets.count == weights.count else { throw attributes.invalid("leaf_targetids", "has \(leafTargets.count) entries for \(weights.count) leaves") }
        if let bad = modes.first(where: { !(0 ... 6).contains($0) }) {
            throw attributes.invalid("nodes_modes", "has mode \(bad); modes are 0–6 (BRANCH_LEQ … BRANCH_NEQ, BRANCH_MEMBER)")
        }
        // Each BRANCH_MEMBER node's set, in node order, from the NaN-separated list.
        var members: [Int: [Float]] = [:]
        let memberNodes = modes.indices.filter { modes[$0] == 6 }
        if !memberNodes.isEmpty {
            guard let values = try attributes.tensor("membership_values")?.floats else { throw attributes.missing("membership_values") }
            var sets: [[Float]] = [[]]
            for value in values {
                if value.isNaN { sets.append([]) } else { sets[sets.count - 1].append(value) }
            }
            if sets.count > memberNodes.count, sets.last?.isEmpty == true { sets.removeLast() }
            guard sets.count >= memberNodes.count else {
                throw attributes.invalid("membership_values", "has \(sets.count) NaN-separated sets for \(memberNodes.count) BRANCH_MEMBER nodes")
            }
            for (node, set) in zip(memberNodes, sets) { members[node] = set }
        }
        let aggregateCode = Int(try attributes.int("aggregate_function", default: 1))
        let transformCode = Int(try attributes.int("post_transform", default: 0))
        guard aggregates.indices.contains(aggregateCode) else { throw attributes.invalid("aggregate_function", "is \(aggregateCode); use 0–3") }
        guard transforms.indices.contains(transformCode) else { throw attributes.invalid("post_transform", "is \(transformCode); use 0–4") }
        let targets = Int(try attributes.int("n_targets"))
        guard targets >= 1, leafTargets.allSatisfy({ (0 ..< Int64(targets)).contains($0) }) else {
            throw attributes.invalid("leaf_targetids", "names a target outside 0..<\(targets)")
        }
        let layout = try layout(
            roots: roots, features: features, modes: modes, members: members, splits: splits, trueIDs: trueIDs, falseIDs: falseIDs,
            trueLeaves: trueLeaves, falseLeaves: falseLeaves, missingTrue: missingTrue, leafTargets: leafTargets, weights: weights, attributes: attributes)
        return (try TreeEnsemble(layout, attributes: attributes, weightPrefix: "leaf"), targets, aggregates[aggregateCode], transforms[transformCode])
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        try regressor.run(inputs, node: node)
    }

    /// The trees in `TreeEnsembleRegressor`'s layout: each tree (found from its root) numbered by
    /// its root's position, interior node i as node i and leaf j as node `count + j`, the further
    /// links of BRANCH_MEMBER chains after the leaves; a root whose two branches are one leaf (how
    /// a one-leaf tree is written) is that leaf.
    private static func layout(
        roots: [Int64], features: [Int64], modes: [Int64], members: [Int: [Float]], splits: [Float], trueIDs: [Int64], falseIDs: [Int64], trueLeaves: [Int64],
        falseLeaves: [Int64], missingTrue: [Int64], leafTargets: [Int64], weights: [Float], attributes: NodeAttributes
    ) throws(ModelError) -> TreeEnsemble.Layout {
        let count = Int64(features.count)
        var layout = TreeEnsemble.Layout(
            treeIDs: [], nodeIDs: [], features: [], modes: [], thresholds: [], trueIDs: [], falseIDs: [], missingTrue: [],
            weightTrees: [], weightNodes: [], weightTargets: [], weightValues: [])
        var nextFreeID = count + Int64(weights.count)
        func nextID() -> Int64 {
            nextFreeID += 1
            return nextFreeID - 1
        }
        func addLeaf(_ leaf: Int64, tree: Int64, as id: Int64) throws(ModelError) {
            guard (0 ..< Int64(weights.count)).contains(leaf) else { throw attributes.invalid("nodes_truenodeids", "names leaf \(leaf) of \(weights.count)") }
            layout.treeIDs.append(tree); layout.nodeIDs.append(id); layout.features.append(0); layout.modes.append("LEAF")
            layout.thresholds.append(0); layout.trueIDs.append(0); layout.falseIDs.append(0); layout.missingTrue.append(0)
            layout.weightTrees.append(tree); layout.weightNodes.append(id)
            layout.weightTargets.append(leafTargets[Int(leaf)]); layout.weightValues.append(weights[Int(leaf)])
        }
        for (tree, root) in roots.enumerated() {
            let tree = Int64(tree)
            guard (0 ..< count).contains(root) else { throw attributes.invalid("tree_roots", "names node \(root) of \(count)") }
            let r = Int(root)
            if trueLeaves[r] != 0, falseLeaves[r] != 0, trueIDs[r] == falseIDs[r] {
                try addLeaf(trueIDs[r], tree: tree, as: count + trueIDs[r])
                continue
            }
            // First the tree's shape: every interior node reached once, every child in range.
            var pending = [root]
            var seen: Set<Int64> = []
            while let node = pending.popLast() {
                guard seen.insert(node).inserted, seen.count <= features.count else {
                    throw attributes.invalid("nodes_truenodeids", "makes tree \(tree) reach node \(node) twice; each tree must be a tree")
                }
                let n = Int(node)
                for (child, isLeaf) in [(trueIDs[n], trueLeaves[n] != 0), (falseIDs[n], falseLeaves[n] != 0)] where !isLeaf {
                    guard (0 ..< count).contains(child) else { throw attributes.invalid("nodes_truenodeids", "names node \(child) of \(count)") }
                    pending.append(child)
                }
            }
            // Then the nodes. A set test's links each lead to its true subtree, so the subtree is
            // copied for every link after the first (a copy's nodes get IDs after all others).
            var emitted: Set<Int64> = []
            func emit(_ node: Int64, isLeaf: Bool) throws(ModelError) -> Int64 {
                let original = isLeaf ? count + node : node
                let id = emitted.insert(original).inserted ? original : nextID()
                guard layout.treeIDs.count < Self.nodeLimit else {
                    throw attributes.invalid("membership_values", "makes the trees more than \(Self.nodeLimit) nodes once each set test's subtree is copied per member")
                }
                if isLeaf {
                    try addLeaf(node, tree: tree, as: id)
                    return id
                }
                let n = Int(node)
                let missing = missingTrue.isEmpty ? 0 : missingTrue[n]
                guard let set = members[n] else {
                    let position = layout.treeIDs.count
                    layout.treeIDs.append(tree); layout.nodeIDs.append(id); layout.features.append(features[n]); layout.modes.append(modeNames[Int(modes[n])])
                    layout.thresholds.append(splits[n]); layout.missingTrue.append(missing); layout.trueIDs.append(0); layout.falseIDs.append(0)
                    layout.trueIDs[position] = try emit(trueIDs[n], isLeaf: trueLeaves[n] != 0)
                    layout.falseIDs[position] = try emit(falseIDs[n], isLeaf: falseLeaves[n] != 0)
                    return id
                }
                // An empty set matches nothing: one link testing NaN, which only a missing value's flag can send true.
                let tests = set.isEmpty ? [Float.nan] : set
                var link = id
                for (index, member) in tests.enumerated() {
                    let position = layout.treeIDs.count
                    layout.treeIDs.append(tree); layout.nodeIDs.append(link); layout.features.append(features[n]); layout.modes.append("BRANCH_EQ")
                    layout.thresholds.append(member); layout.missingTrue.append(index == 0 ? missing : 0); layout.trueIDs.append(0); layout.falseIDs.append(0)
                    layout.trueIDs[position] = try emit(trueIDs[n], isLeaf: trueLeaves[n] != 0)
                    if index == tests.count - 1 {
                        layout.falseIDs[position] = try emit(falseIDs[n], isLeaf: falseLeaves[n] != 0)
                    } else {
                        link = nextID()
                        layout.falseIDs[position] = link
                    }
                }
                return id
            }
            _ = try emit(root, isLeaf: false)
        }
        return layout
    }
}
