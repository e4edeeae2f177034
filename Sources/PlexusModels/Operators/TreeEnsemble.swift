/// The trees of a `TreeEnsembleClassifier` or `TreeEnsembleRegressor`, flattened for walking:
/// every node in one array, each branch with its children's positions, each leaf with the span
/// of its weights; and the same again packed for prediction (``sumWeights(_:rows:columns:targets:into:scored:)``):
/// 16 bytes a node, a child below zero naming a leaf, and no jump in the test when every branch
/// is BRANCH_LEQ. Built once when the model is loaded.
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

    // The walking form: per node its packed branch (threshold, feature, children; a leaf j is
    // stored as ~j), per tree its root the same way, and the leaves' weights as flat columns.
    private var walkNodes: [PackedNode] = []
    private var walkRoots: [Int32] = []
    /// Whether every branch is BRANCH_LEQ, the mode scikit-learn, XGBoost and LightGBM export.
    private var onlyLessOrEqual = true
    /// Each node's weights as positions in `weightTargets` and `weightValues`.
    private var leafWeightStarts: [Int32] = []
    private var leafWeightEnds: [Int32] = []
    private var weightTargets: [Int32] = []
    private var weightValues: [Float] = []

    /// The trees as `TreeEnsembleClassifier` and `TreeEnsembleRegressor` write them: every node
    /// (leaves too) by tree and node ID, and the leaves' weights by the same IDs.
    struct Layout {
        var treeIDs: [Int64], nodeIDs: [Int64], features: [Int64], modes: [String], thresholds: [Float]
        var trueIDs: [Int64], falseIDs: [Int64], missingTrue: [Int64]
        var weightTrees: [Int64], weightNodes: [Int64], weightTargets: [Int64], weightValues: [Float]
    }

    /// Reads the `nodes_*` attributes and the leaf weights named by `prefix` (`class` or `target`).
    init(_ attributes: NodeAttributes, weightPrefix prefix: String) throws(ModelError) {
        let layout = Layout(
            treeIDs: try attributes.ints("nodes_treeids", required: true), nodeIDs: try attributes.ints("nodes_nodeids", required: true),
            features: try attributes.ints("nodes_featureids", required: true), modes: try attributes.strings("nodes_modes", required: true),
            thresholds: try attributes.floats("nodes_values"), trueIDs: try attributes.ints("nodes_truenodeids", required: true),
            falseIDs: try attributes.ints("nodes_falsenodeids", required: true), missingTrue: try attributes.ints("nodes_missing_value_tracks_true"),
            weightTrees: try attributes.ints("\(prefix)_treeids", required: true), weightNodes: try attributes.ints("\(prefix)_nodeids", required: true),
            weightTargets: try attributes.ints("\(prefix)_ids", required: true), weightValues: try attributes.floats("\(prefix)_weights", required: true))
        try self.init(layout, attributes: attributes, weightPrefix: prefix)
    }

    /// Builds the ensemble of `layout`; problems are reported on `attributes`' node, naming the
    /// attributes of the layout (with weights named by `prefix`).
    init(_ layout: Layout, attributes: NodeAttributes, weightPrefix prefix: String) throws(ModelError) {
        let (treeIDs, nodeIDs, features, modes) = (layout.treeIDs, layout.nodeIDs, layout.features, layout.modes)
        let (thresholds, trueIDs, falseIDs, missingTrue) = (layout.thresholds, layout.trueIDs, layout.falseIDs, layout.missingTrue)
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
        try readWeights(layout, attributes: attributes, prefix: prefix, position: position)
        prepareWalk()
    }

    private mutating func prepareWalk() {
        func encoded(_ index: Int) -> Int32 { nodes[index].mode == .leaf ? ~Int32(index) : Int32(index) }
        walkNodes = nodes.map { node in
            // A branch that sends missing values true keeps its feature complemented (below zero).
            let feature = Int32(clamping: max(node.feature, 0))
            return PackedNode(threshold: node.threshold, feature: node.missingGoesTrue ? ~feature : feature,
                       whenTrue: node.mode == .leaf ? 0 : encoded(node.trueChild), whenFalse: node.mode == .leaf ? 0 : encoded(node.falseChild))
        }
        walkRoots = roots.map(encoded)
        onlyLessOrEqual = nodes.allSatisfy { $0.mode == .leaf || $0.mode == .lessOrEqual }
        leafWeightStarts = nodes.map { Int32($0.weights.lowerBound) }
        leafWeightEnds = nodes.map { Int32($0.weights.upperBound) }
        weightTargets = weights.map { Int32($0.target) }
        weightValues = weights.map(\.value)
    }

    private mutating func readWeights(_ layout: Layout, attributes: NodeAttributes, prefix: String, position: [TreeNodeKey: Int]) throws(ModelError) {
        let (treeIDs, nodeIDs, targets, values) = (layout.weightTrees, layout.weightNodes, layout.weightTargets, layout.weightValues)
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
        let copy = ContiguousArray(row)
        copy.withUnsafeBufferPointer { features in
            withWalk { walk in
                for tree in 0 ..< walk.roots.count {
                    for weight in weights[nodes[walk.leaf(tree: tree, row: features)].weights] { body(weight) }
                }
            }
        }
    }

    /// Adds the weights of every leaf each row of `x` (row-major, `columns` wide) reaches into
    /// `scores` (row-major, `targets` wide), tree by tree in order as onnxruntime sums them, and
    /// marks in `scored` (the same shape) each target that got a weight.
    func sumWeights(_ x: UnsafeBufferPointer<Float>, rows: Int, columns: Int, targets: Int,
                    into scores: UnsafeMutableBufferPointer<Float>, scored: UnsafeMutableBufferPointer<Bool>) {
        forEachLeafBlock(x, rows: rows, columns: columns) { walk, first, count, leaves in
            let trees = walk.roots.count
            for offset in 0 ..< count {
                let base = (first + offset) * targets
                for tree in 0 ..< trees {
                    let leaf = Int(leaves[offset * trees + tree])
                    for position in Int(walk.starts[leaf]) ..< Int(walk.ends[leaf]) {
                        let target = base + Int(walk.targets[position])
                        scores[target] += walk.values[position]
                        scored[target] = true
                    }
                }
            }
        }
    }

    /// Each row's sum of the leaf weights it reaches per target (row-major, `targets` wide),
    /// added in doubles tree by tree.
    func rawScores(of rows: FeatureMatrix, targets: Int) -> [Double] {
        var scores = [Double](repeating: 0, count: rows.rows * targets)
        rows.values.withUnsafeBufferPointer { x in
            forEachLeafBlock(x, rows: rows.rows, columns: rows.columns) { walk, first, count, leaves in
                let trees = walk.roots.count
                for offset in 0 ..< count {
                    let base = (first + offset) * targets
                    for tree in 0 ..< trees {
                        let leaf = Int(leaves[offset * trees + tree])
                        for position in Int(walk.starts[leaf]) ..< Int(walk.ends[leaf]) {
                            scores[base + Int(walk.targets[position])] += Double(walk.values[position])
                        }
                    }
                }
            }
        }
        return scores
    }

    /// How many rows of `x` (row-major, `columns` wide) reach each leaf, indexed by node.
    func leafCounts(_ x: UnsafeBufferPointer<Float>, rows: Int, columns: Int) -> [Double] {
        var counts = [Double](repeating: 0, count: nodes.count)
        forEachLeafBlock(x, rows: rows, columns: columns) { walk, _, count, leaves in
            for position in 0 ..< count * walk.roots.count { counts[Int(leaves[position])] += 1 }
        }
        return counts
    }

    /// Walks the rows of `x` through every tree in blocks of 64: for each group of trees, every
    /// row of the block walks those trees side by side (independent walks whose loads overlap,
    /// with the group's nodes in cache). `body` gets each block's first row, its row count and
    /// the leaves reached, `leaves[offset * trees + tree]`.
    private func forEachLeafBlock(_ x: UnsafeBufferPointer<Float>, rows: Int, columns: Int,
                                  _ body: (Walk, _ first: Int, _ count: Int, UnsafeMutablePointer<Int32>) -> Void) {
        let block = 64
        withWalk { walk in
            let trees = walk.roots.count
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(block * trees, 1)) { leaves in
                for first in stride(from: 0, to: rows, by: block) {
                    let count = min(block, rows - first)
                    for start in stride(from: 0, to: trees, by: Walk.lanes) {
                        for offset in 0 ..< count {
                            let row = first + offset
                            walk.leaves(trees: start ..< min(start + Walk.lanes, trees), row: UnsafeBufferPointer(rebasing: x[row * columns ..< (row + 1) * columns]),
                                        into: leaves.baseAddress! + offset * trees + start)
                        }
                    }
                    body(walk, first, count, leaves.baseAddress!)
                }
            }
        }
    }

    /// A node as a walk reads it: 16 bytes, one load. A child below zero is the leaf ~child; a
    /// feature below zero is ~feature for a branch that sends missing values true.
    private struct PackedNode {
        let threshold: Float
        let feature: Int32
        let whenTrue: Int32
        let whenFalse: Int32
    }

    /// The walking form's arrays, borrowed for the length of a walk.
    private struct Walk {
        let nodes: UnsafeBufferPointer<Node>
        let packed: UnsafeBufferPointer<PackedNode>
        let roots: UnsafeBufferPointer<Int32>
        let starts: UnsafeBufferPointer<Int32>
        let ends: UnsafeBufferPointer<Int32>
        let targets: UnsafeBufferPointer<Int32>
        let values: UnsafeBufferPointer<Float>
        let onlyLessOrEqual: Bool

        /// Whether a BRANCH_LEQ node sends `row` true, without a jump: value ≤ threshold, which
        /// is false for NaN, or, where missing values go true, not value > threshold, which is true for NaN.
        @inline(__always)
        static func lessOrEqual(_ branch: PackedNode, _ row: UnsafeBufferPointer<Float>) -> Bool {
            let feature = branch.feature
            let value = row[Int(feature < 0 ? ~feature : feature)]
            return feature < 0 ? !(value > branch.threshold) : value <= branch.threshold
        }

        /// How many trees one row walks side by side.
        static let lanes = 8

        /// Writes the leaf `row` reaches in each tree of `trees` (at most ``lanes``) to `leaves`,
        /// walking the trees side by side so their loads overlap.
        @inline(__always)
        func leaves(trees: Range<Int>, row: UnsafeBufferPointer<Float>, into leaves: UnsafeMutablePointer<Int32>) {
            var state: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32) = (-1, -1, -1, -1, -1, -1, -1, -1)
            withUnsafeMutableBytes(of: &state) { bytes in
                let nodes = bytes.bindMemory(to: Int32.self)
                let width = trees.count
                for lane in 0 ..< width { nodes[lane] = roots[trees.lowerBound + lane] }
                var walking = true
                while walking {
                    walking = false
                    for lane in 0 ..< width {
                        let node = nodes[lane]
                        guard node >= 0 else { continue }
                        let index = Int(node)
                        let branch = packed[index]
                        let goesTrue = onlyLessOrEqual ? Self.lessOrEqual(branch, row) : self.nodes[index].goesTrue(row[self.nodes[index].feature])
                        let next = goesTrue ? branch.whenTrue : branch.whenFalse
                        nodes[lane] = next
                        walking = walking || next >= 0
                    }
                }
                for lane in 0 ..< width { leaves[lane] = ~nodes[lane] }
            }
        }

        /// The node index of the leaf `row` reaches in tree `tree`.
        @inline(__always)
        func leaf(tree: Int, row: UnsafeBufferPointer<Float>) -> Int {
            var node = roots[tree]
            if onlyLessOrEqual {
                while node >= 0 {
                    let branch = packed[Int(node)]
                    node = Self.lessOrEqual(branch, row) ? branch.whenTrue : branch.whenFalse
                }
            } else {
                while node >= 0 {
                    let branch = packed[Int(node)]
                    node = nodes[Int(node)].goesTrue(row[nodes[Int(node)].feature]) ? branch.whenTrue : branch.whenFalse
                }
            }
            return Int(~node)
        }
    }

    private func withWalk<Result>(_ body: (Walk) -> Result) -> Result {
        nodes.withUnsafeBufferPointer { nodes in
            walkNodes.withUnsafeBufferPointer { packed in
                walkRoots.withUnsafeBufferPointer { roots in
                    leafWeightStarts.withUnsafeBufferPointer { starts in
                        leafWeightEnds.withUnsafeBufferPointer { ends in
                            weightTargets.withUnsafeBufferPointer { targets in
                                weightValues.withUnsafeBufferPointer { values in
                                    body(Walk(nodes: nodes, packed: packed, roots: roots, starts: starts, ends: ends,
                                              targets: targets, values: values, onlyLessOrEqual: onlyLessOrEqual))
                                }
                            }
                        }
                    }
                }
            }
        }
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
