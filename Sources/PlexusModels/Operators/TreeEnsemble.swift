/// The trees of a `TreeEnsembleClassifier` or `TreeEnsembleRegressor`, flattened for walking:
/// every node in one array, each branch with its children's positions, each leaf with the span
/// of its weights. Built once when the model is loaded.
struct TreeEnsemble: Sendable {
    /// How a branch compares a feature with its threshold (onnxruntime's `nodes_modes`).
    enum Mode: String, Sendable {
        case leaf = "LEAF", lessOrEqual = "BRANCH_LEQ", less = "BRANCH_LT", greaterOrEqual = "BRANCH_GTE", greater = "BRANCH_GT"
        case equal = "BRANCH_EQ", notEqual = "BRANCH_NEQ"
    }

    struct Node: Sendable {
        let mode: Mode
        let feature: Int
        let threshold: Float
        let missingGoesTrue: Bool
        var trueChild = -1
        var falseChild = -1
        var weights: Range<Int> = 0 ..< 0

        /// Whether a branch sends `value` to its true child. A missing value follows the node's
        /// flag (NaN differs from any threshold, so BRANCH_NEQ sends it true).
        func goesTrue(_ value: Float) -> Bool {
            if value.isNaN, mode != .notEqual { return missingGoesTrue }
            return switch mode {
            case .lessOrEqual: value <= threshold
            case .less: value < threshold
            case .greaterOrEqual: value >= threshold
            case .greater: value > threshold
            case .equal: value == threshold
            case .notEqual: value != threshold
            case .leaf: false
            }
        }

        /// The child `value` goes to.
        func child(for value: Float) -> Int { goesTrue(value) ? trueChild : falseChild }
    }

    /// One leaf weight: the class or target it adds to, and how much.
    struct Weight: Sendable {
        let target: Int
        let value: Float
    }

    private(set) var nodes: [Node] = []
    private(set) var weights: [Weight] = []
    /// The position of each tree's root in `nodes`.
    private(set) var roots: [Int] = []
    /// The largest feature index a branch reads.
    private(set) var largestFeature = -1

    /// Reads the `nodes_*` attributes and the leaf weights named by `prefix` (`class` or `target`).
    init(_ attributes: NodeAttributes, weightPrefix prefix: String) throws(ModelError) {
        let treeIDs = try attributes.ints("nodes_treeids", required: true)
        let nodeIDs = try attributes.ints("nodes_nodeids", required: true)
        let features = try attributes.ints("nodes_featureids", required: true)
        let modes = try attributes.strings("nodes_modes", required: true)
        let thresholds = try attributes.floats("nodes_values")
        let trueIDs = try attributes.ints("nodes_truenodeids", required: true)
        let falseIDs = try attributes.ints("nodes_falsenodeids", required: true)
        let missingTrue = try attributes.ints("nodes_missing_value_tracks_true")
        let count = treeIDs.count
        for (name, length) in [("nodes_nodeids", nodeIDs.count), ("nodes_featureids", features.count), ("nodes_modes", modes.count),
                               ("nodes_values", thresholds.count), ("nodes_truenodeids", trueIDs.count), ("nodes_falsenodeids", falseIDs.count)]
        where length != count {
            throw attributes.invalid(name, "has \(length) entries for \(count) nodes")
        }
        guard missingTrue.isEmpty || missingTrue.count == count else {
            throw attributes.invalid("nodes_missing_value_tracks_true", "has \(missingTrue.count) entries for \(count) nodes")
        }
        var position: [TreeNodeKey: Int] = [:]
        for index in 0 ..< count {
            guard let mode = Mode(rawValue: modes[index]) else {
                throw attributes.invalid("nodes_modes", "has '\(modes[index])'; modes are LEAF, BRANCH_LEQ, BRANCH_LT, BRANCH_GTE, BRANCH_GT, BRANCH_EQ and BRANCH_NEQ")
            }
            let key = TreeNodeKey(tree: treeIDs[index], node: nodeIDs[index])
            guard position.updateValue(index, forKey: key) == nil else {
                throw attributes.invalid("nodes_nodeids", "repeats node \(nodeIDs[index]) of tree \(treeIDs[index])")
            }
            if mode != .leaf {
                guard features[index] >= 0 else { throw attributes.invalid("nodes_featureids", "has the negative feature \(features[index])") }
                largestFeature = max(largestFeature, Int(features[index]))
            }
            nodes.append(Node(mode: mode, feature: Int(features[index]), threshold: thresholds[index], missingGoesTrue: !missingTrue.isEmpty && missingTrue[index] != 0))
        }
        var isChild = [Bool](repeating: false, count: count)
        for index in 0 ..< count where nodes[index].mode != .leaf {
            let tree = treeIDs[index]
            guard let whenTrue = position[TreeNodeKey(tree: tree, node: trueIDs[index])], let whenFalse = position[TreeNodeKey(tree: tree, node: falseIDs[index])] else {
                throw attributes.invalid("nodes_truenodeids", "points node \(nodeIDs[index]) of tree \(tree) at a node the tree does not have")
            }
            nodes[index].trueChild = whenTrue
            nodes[index].falseChild = whenFalse
            isChild[whenTrue] = true
            isChild[whenFalse] = true
        }
        roots = (0 ..< count).filter { !isChild[$0] }
        // Every node is reached exactly once from the roots, so no walk can loop and no node is lost.
        var reached = [Bool](repeating: false, count: count)
        for root in roots {
            var pending = [root]
            while let index = pending.popLast() {
                guard !reached[index] else {
                    throw attributes.invalid("nodes_truenodeids", "makes tree \(treeIDs[index]) reach node \(nodeIDs[index]) twice; each tree must be a tree")
                }
                reached[index] = true
                if nodes[index].mode != .leaf { pending += [nodes[index].trueChild, nodes[index].falseChild] }
            }
        }
        if let stranded = reached.firstIndex(of: false) {
            throw attributes.invalid("nodes_truenodeids", "leaves node \(nodeIDs[stranded]) of tree \(treeIDs[stranded]) unreachable from the tree's root (a cycle?)")
        }
        try readWeights(attributes, prefix: prefix, position: position)
    }

    private mutating func readWeights(_ attributes: NodeAttributes, prefix: String, position: [TreeNodeKey: Int]) throws(ModelError) {
        let treeIDs = try attributes.ints("\(prefix)_treeids", required: true)
        let nodeIDs = try attributes.ints("\(prefix)_nodeids", required: true)
        let targets = try attributes.ints("\(prefix)_ids", required: true)
        let values = try attributes.floats("\(prefix)_weights", required: true)
        guard nodeIDs.count == treeIDs.count, targets.count == treeIDs.count, values.count == treeIDs.count else {
            throw attributes.invalid("\(prefix)_weights", "the \(prefix)_* lists differ in length")
        }
        // Group each leaf's weights together, keeping their order.
        var byLeaf = [[Weight]](repeating: [], count: nodes.count)
        for index in treeIDs.indices {
            guard targets[index] >= 0 else { throw attributes.invalid("\(prefix)_ids", "has the negative target \(targets[index])") }
            guard let leaf = position[TreeNodeKey(tree: treeIDs[index], node: nodeIDs[index])], nodes[leaf].mode == .leaf else {
                throw attributes.invalid("\(prefix)_nodeids", "gives a weight to node \(nodeIDs[index]) of tree \(treeIDs[index]), which is not a leaf")
            }
            byLeaf[leaf].append(Weight(target: Int(targets[index]), value: values[index]))
        }
        for leaf in byLeaf.indices where !byLeaf[leaf].isEmpty {
            nodes[leaf].weights = weights.count ..< weights.count + byLeaf[leaf].count
            weights += byLeaf[leaf]
        }
    }

    /// The largest class or target index a weight adds to.
    var largestTarget: Int { weights.map(\.target).max() ?? -1 }

    /// Passes the weights of every leaf `row` reaches, tree by tree, to `body`.
    func forEachLeafWeight(of row: ArraySlice<Float>, _ body: (Weight) -> Void) {
        for root in roots {
            for weight in weights[leaf(from: root, row: row).weights] { body(weight) }
        }
    }

    /// The leaf `row` reaches in the tree rooted at `root`.
    private func leaf(from root: Int, row: ArraySlice<Float>) -> Node {
        var node = nodes[root]
        while node.mode != .leaf {
            node = nodes[node.child(for: row[row.startIndex + node.feature])]
        }
        return node
    }

    /// The feature matrix of input 0, checked to have every feature a branch reads.
    func features(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> (values: [Float], rows: Int, columns: Int) {
        let matrix = try inputs.floatMatrix(0, node: node)
        guard matrix.columns > largestFeature else {
            throw .evaluation(node: node, message: "the trees read feature \(largestFeature) but rows have \(matrix.columns) features")
        }
        return matrix
    }
}

private struct TreeNodeKey: Hashable {
    let tree: Int64
    let node: Int64
}
