/// Path-dependent TreeSHAP from per-leaf tables (the idea of Yang's "Fast TreeSHAP" v2, 2021):
/// the same values as the recursion in `TreeEnsemble+Shap.swift`, in O(leaves · depth) a row
/// instead of O(leaves · depth²), after a one-off O(leaves · 2^depth · depth) precomputation.
///
/// A leaf whose path splits on k distinct features gives feature j of the path
/// (o_j − z_j) · v · T_j(P ∖ {j}), where z_m is the share of the background that follows the
/// path's splits on feature m, o_m is 1 when the explained row follows them all, P is the set of
/// path features the row follows, and T_j(Q) = Σ_{S ⊆ Q} |S|!(k−1−|S|)!/k! · Π_{m ∉ S, m ≠ j} z_m.
/// Since T_j(Q) = U(Q) / z_j with U(Q) = Σ_{S ⊆ Q} |S|!(k−1−|S|)!/k! · Π_{m ∉ S} z_m, one table
/// of U over the 2^k subsets serves every feature of the leaf; features with z_j = 0 (a split no
/// background row takes) get a table of T_j of their own. Rows are taken in blocks so a leaf's
/// tables stay in cache while the block's rows read them.
struct LeafPatternShap {
    /// The most table entries all leaves may hold together (128 MiB of doubles); a larger model
    /// is explained by the recursion instead.
    static let tableLimit = 16 << 20
    /// Rows explained together.
    private static let block = 64

    private struct Leaf {
        /// The leaf's node, for its weights.
        var node: Int
        /// Its path features: `slotFeatures[firstSlot ..< firstSlot + slots]`, with their z.
        var firstSlot: Int
        var slots: Int
        /// Where its U table starts, and its zero-share features' tables after it.
        var table: Int
        /// The path features no background row follows.
        var zeroMask: UInt32
    }

    private let trees: TreeEnsemble
    private let features: Int
    private let targets: Int
    /// Every tree's nodes in depth-first order (parents before children), as a row's walk reads
    /// them: a branch's feature, the slot of that feature on the path, whether the split adds
    /// the slot, and its children's positions; a leaf's position in `leaves` (`leaf` ≥ 0).
    private struct Step {
        var node: Int32
        /// For BRANCH_LEQ walks: the feature (complemented when missing values go true) and threshold.
        var feature: Int32 = 0
        var threshold: Float = 0
        var slotBit: UInt32 = 0
        var addsSlot = false
        var truePosition: Int32 = 0
        var falsePosition: Int32 = 0
        var leaf: Int32 = -1
    }
    private let steps: [Step]
    /// Whether every branch is BRANCH_LEQ, so a walk tests the step's own feature and threshold.
    private let onlyLessOrEqual: Bool
    private let leaves: [Leaf]
    private let slotFeatures: [Int32]
    private let slotShares: [Double]
    private let slotInverseShares: [Double]
    private let tables: [Double]
    /// The trees the background reaches: each one's steps and leaves.
    private let treeRanges: [(steps: Range<Int>, leaves: Range<Int>)]

    /// The tables of `trees` under `covers`, or nil when they would pass ``tableLimit`` (or a
    /// path splits on more than 30 distinct features).
    init?(trees: TreeEnsemble, covers: [Double], features: Int, targets: Int) {
        let nodes = trees.nodes
        var steps: [Step] = [], leaves: [Leaf] = [], slotFeatures: [Int32] = [], slotShares: [Double] = []
        var ranges: [(Range<Int>, Range<Int>)] = []
        var entries = 0
        // Depth-first from each root, carrying the path's features and shares; a step's children
        // get their positions when they are reached, written into the parent's step then.
        for root in trees.roots where covers[root] > 0 {
            let (firstStep, firstLeaf) = (steps.count, leaves.count)
            var pending: [(node: Int, parent: Int, isTrue: Bool, features: [Int32], shares: [Double])] = [(root, -1, false, [], [])]
            while let (index, parent, isTrue, pathFeatures, shares) = pending.popLast() {
                let position = steps.count
                if parent >= 0 {
                    if isTrue { steps[parent].truePosition = Int32(position - firstStep) } else { steps[parent].falsePosition = Int32(position - firstStep) }
                }
                let node = nodes[index]
                var step = Step(node: Int32(index))
                if node.mode == .leaf {
                    let zeros = shares.indices.reduce(UInt32(0)) { shares[$1] == 0 ? $0 | 1 << UInt32($1) : $0 }
                    step.leaf = Int32(leaves.count - firstLeaf)
                    leaves.append(Leaf(node: index, firstSlot: slotFeatures.count, slots: shares.count, table: entries, zeroMask: zeros))
                    slotFeatures += pathFeatures
                    slotShares += shares
                    entries += (1 + zeros.nonzeroBitCount) << shares.count
                    guard entries <= Self.tableLimit else { return nil }
                    steps.append(step)
                    continue
                }
                let existing = pathFeatures.firstIndex(of: Int32(node.feature))
                let slot = existing ?? pathFeatures.count
                guard slot < 30 else { return nil }
                step.feature = node.missingGoesTrue ? ~Int32(node.feature) : Int32(node.feature)
                step.threshold = node.threshold
                step.slotBit = 1 << UInt32(slot)
                step.addsSlot = existing == nil
                steps.append(step)
                let cover = covers[index]
                for (child, childIsTrue) in [(node.falseChild, false), (node.trueChild, true)] {
                    let share = cover > 0 ? covers[child] / cover : 0
                    var (childFeatures, childShares) = (pathFeatures, shares)
                    if existing == nil {
                        childFeatures.append(Int32(node.feature))
                        childShares.append(share)
                    } else {
                        childShares[slot] *= share
                    }
                    pending.append((child, position, childIsTrue, childFeatures, childShares))
                }
            }
            ranges.append((firstStep ..< steps.count, firstLeaf ..< leaves.count))
        }
        var tables = [Double](repeating: 0, count: entries)
        for leaf in leaves {
            Self.fill(&tables, at: leaf.table, shares: Array(slotShares[leaf.firstSlot ..< leaf.firstSlot + leaf.slots]), zeroMask: leaf.zeroMask)
        }
        (self.trees, self.features, self.targets) = (trees, features, targets)
        (self.steps, self.leaves, self.treeRanges) = (steps, leaves, ranges)
        onlyLessOrEqual = nodes.allSatisfy { $0.mode == .leaf || $0.mode == .lessOrEqual }
        (self.slotFeatures, self.slotShares, self.tables) = (slotFeatures, slotShares, tables)
        slotInverseShares = slotShares.map { $0 > 0 ? 1 / $0 : 0 }
    }

    /// Writes a leaf's U table at `start`, then T_j for each zero-share feature j in slot order.
    private static func fill(_ tables: inout [Double], at start: Int, shares: [Double], zeroMask: UInt32) {
        let k = shares.count
        let size = 1 << k
        guard k > 0 else { return }
        // Shapley weights |S|!(k−1−|S|)!/k!, built as 1 / (k · C(k−1, s)).
        let weights = (0 ..< k).map { s in
            var binomial = 1.0
            for step in 0 ..< s { binomial = binomial * Double(k - 1 - step) / Double(step + 1) }
            return 1 / (Double(k) * binomial)
        }
        // outside[S] = Π_{m ∉ S} z_m, from the full set down.
        var outside = [Double](repeating: 1, count: size)
        for subset in stride(from: size - 2, through: 0, by: -1) {
            let missing = (~subset & (size - 1)).trailingZeroBitCount
            outside[subset] = shares[missing] * outside[subset | 1 << missing]
        }
        func sumOverSubsets(_ offset: Int, _ term: (Int) -> Double) {
            for subset in 0 ..< size { tables[offset + subset] = term(subset) }
            for bit in 0 ..< k {
                for subset in 0 ..< size where subset & 1 << bit != 0 { tables[offset + subset] += tables[offset + (subset ^ 1 << bit)] }
            }
        }
        sumOverSubsets(start) { $0 == size - 1 ? 0 : weights[$0.nonzeroBitCount] * outside[$0] }
        var offset = start + size
        for slot in 0 ..< k where zeroMask & 1 << UInt32(slot) != 0 {
            sumOverSubsets(offset) { $0 & 1 << slot != 0 ? 0 : weights[$0.nonzeroBitCount] * outside[$0 | 1 << slot] }
            offset += size
        }
    }

    /// The path-dependent SHAP values of every row of `rows`: row-major, `features × targets` a
    /// row, `values[(row · features + feature) · targets + target]`.
    func shap(of rows: FeatureMatrix) -> [Double] {
        var values = [Double](repeating: 0, count: rows.rows * features * targets)
        let block = Self.block
        let widest = treeRanges.map(\.steps.count).max() ?? 0
        var masks = [UInt32](repeating: 0, count: (treeRanges.map(\.leaves.count).max() ?? 0) * block)
        var pathMasks = [UInt32](repeating: 0, count: widest)
        withTables { tables in
            rows.values.withUnsafeBufferPointer { input in
                values.withUnsafeMutableBufferPointer { values in
                    masks.withUnsafeMutableBufferPointer { masks in
                        pathMasks.withUnsafeMutableBufferPointer { pathMasks in
                            var first = 0
                            while first < rows.rows {
                                let count = min(block, rows.rows - first)
                                for (treeSteps, treeLeaves) in treeRanges {
                                    let tree = UnsafeBufferPointer(rebasing: tables.steps[treeSteps])
                                    for row in 0 ..< count {
                                        Self.walk(tree, row: input.baseAddress! + (first + row) * rows.columns, nodes: tables.nodes,
                                                  onlyLessOrEqual: onlyLessOrEqual, pathMasks: pathMasks, masks: masks.baseAddress! + row)
                                    }
                                    for leafIndex in treeLeaves {
                                        attribute(tables.leaves[leafIndex], masks: masks.baseAddress! + (leafIndex - treeLeaves.lowerBound) * block,
                                                  rows: first ..< first + count, tables: tables, values: values)
                                    }
                                }
                                first += count
                            }
                        }
                    }
                }
            }
        }
        return values
    }

    /// The arrays a walk reads, borrowed.
    private struct Borrowed {
        let nodes: UnsafeBufferPointer<TreeEnsemble.Node>
        let weights: UnsafeBufferPointer<TreeEnsemble.Weight>
        let steps: UnsafeBufferPointer<Step>
        let leaves: UnsafeBufferPointer<Leaf>
        let slotFeatures: UnsafeBufferPointer<Int32>
        let slotShares: UnsafeBufferPointer<Double>
        let slotInverseShares: UnsafeBufferPointer<Double>
        let tables: UnsafeBufferPointer<Double>
    }

    private func withTables<Result>(_ body: (Borrowed) -> Result) -> Result {
        trees.nodes.withUnsafeBufferPointer { nodes in
            trees.weights.withUnsafeBufferPointer { weights in
                steps.withUnsafeBufferPointer { steps in
                    leaves.withUnsafeBufferPointer { leaves in
                        slotFeatures.withUnsafeBufferPointer { slotFeatures in
                            slotShares.withUnsafeBufferPointer { slotShares in
                                slotInverseShares.withUnsafeBufferPointer { slotInverseShares in
                                    tables.withUnsafeBufferPointer { tables in
                                        body(Borrowed(nodes: nodes, weights: weights, steps: steps, leaves: leaves, slotFeatures: slotFeatures,
                                                      slotShares: slotShares, slotInverseShares: slotInverseShares, tables: tables))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Walks every node of one tree for one row, parents before children, writing each leaf's
    /// set of followed path features to `masks[leaf × block]`.
    private static func walk(_ tree: UnsafeBufferPointer<Step>, row: UnsafePointer<Float>, nodes: UnsafeBufferPointer<TreeEnsemble.Node>,
                             onlyLessOrEqual: Bool, pathMasks: UnsafeMutableBufferPointer<UInt32>, masks: UnsafeMutablePointer<UInt32>) {
        pathMasks[0] = 0
        for position in tree.indices {
            let step = tree[position]
            let mask = pathMasks[position]
            if step.leaf >= 0 {
                masks[Int(step.leaf) * block] = mask
                continue
            }
            let goesTrue: Bool
            if onlyLessOrEqual {
                // value ≤ threshold, false for NaN; where missing values go true, not value > threshold.
                let feature = step.feature
                let value = row[Int(feature < 0 ? ~feature : feature)]
                goesTrue = feature < 0 ? !(value > step.threshold) : value <= step.threshold
            } else {
                let node = nodes[Int(step.node)]
                goesTrue = node.goesTrue(row[node.feature])
            }
            let hot = step.addsSlot ? mask | step.slotBit : mask
            let cold = mask & ~step.slotBit
            pathMasks[Int(step.truePosition)] = goesTrue ? hot : cold
            pathMasks[Int(step.falsePosition)] = goesTrue ? cold : hot
        }
    }

    /// Adds one leaf's share to the values of `rows`, whose followed-feature sets are in `masks`:
    /// feature by feature of its path, then row by row.
    private func attribute(_ leaf: Leaf, masks: UnsafeMutablePointer<UInt32>, rows: Range<Int>, tables: Borrowed,
                           values: UnsafeMutableBufferPointer<Double>) {
        guard leaf.slots > 0 else { return }
        let leafWeights = UnsafeBufferPointer(rebasing: tables.weights[tables.nodes[leaf.node].weights])
        let size = 1 << leaf.slots
        let rowStride = features * targets
        for slot in 0 ..< leaf.slots {
            let bit = UInt32(1) << UInt32(slot)
            let position = leaf.firstSlot + slot
            let share = tables.slotShares[position]
            // T_j = U / z_j, or T_j's own table when no background row follows the split.
            let isZero = leaf.zeroMask & bit != 0
            let table = isZero ? leaf.table + size * (1 + (leaf.zeroMask & (bit - 1)).nonzeroBitCount) : leaf.table
            let factor = isZero ? 1 : tables.slotInverseShares[position]
            let featureBase = Int(tables.slotFeatures[position]) * targets
            for (column, row) in rows.enumerated() {
                let followed = masks[column]
                // A feature no background row follows blocks the leaf unless the row follows it.
                guard followed & leaf.zeroMask == leaf.zeroMask else { continue }
                let scale = ((followed & bit != 0 ? 1 : 0) - share) * tables.tables[table + Int(followed & ~bit)] * factor
                let base = row * rowStride + featureBase
                for weight in leafWeights { values[base + weight.target] += scale * Double(weight.value) }
            }
        }
    }
}
