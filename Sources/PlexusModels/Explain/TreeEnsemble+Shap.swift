/// Exact Shapley values of a tree ensemble's raw scores (the sums of leaf weights per target),
/// computed from the trees themselves.
///
/// - Path-dependent (Lundberg et al., "Consistent individualized feature attribution for tree
///   ensembles", algorithm 2): a feature left out of a coalition is integrated out by following
///   both branches in proportion to the background rows that took each (the node covers).
/// - Interventional: a feature left out takes its value from a background row; for one such
///   reference row the Shapley values are exact over the leaves the row and the reference can
///   reach, and the explanation averages them over the references.
extension TreeEnsemble {
    /// How many background rows reach each node: the covers of path-dependent TreeSHAP (exporters
    /// write no real covers, so they are counted from data). The leaves are counted by the
    /// prediction walk; a branch's cover is its children's.
    func covers(of background: FeatureMatrix) -> [Double] {
        var covers = background.values.withUnsafeBufferPointer { leafCounts($0, rows: background.rows, columns: background.columns) }
        for root in roots {
            // Children come after their parents in a depth-first order, so adding in reverse sums subtrees.
            for index in subtree(of: root).reversed() where nodes[index].mode != .leaf {
                covers[index] = covers[nodes[index].trueChild] + covers[nodes[index].falseChild]
            }
        }
        return covers
    }

    /// The deepest path from a root to a leaf, in branches.
    var depth: Int {
        var deepest = 0
        var pending = roots.map { ($0, 0) }
        while let (index, level) = pending.popLast() {
            deepest = max(deepest, level)
            if nodes[index].mode != .leaf { pending += [(nodes[index].trueChild, level + 1), (nodes[index].falseChild, level + 1)] }
        }
        return deepest
    }

    /// Each target's sum of the leaf weights `row` reaches, added into `scores`.
    func addRawScores(of row: ArraySlice<Float>, into scores: inout [Double]) {
        forEachLeafWeight(of: row) { scores[$0.target] += Double($0.value) }
    }

    /// Each target's expected raw score under the covers: every leaf's weight times the share of
    /// its tree's cover that reaches it.
    func expectedRawScores(covers: [Double], targets: Int) -> [Double] {
        var expected = [Double](repeating: 0, count: targets)
        for root in roots where covers[root] > 0 {
            for index in subtree(of: root) where nodes[index].mode == .leaf {
                for weight in weights[nodes[index].weights] { expected[weight.target] += covers[index] / covers[root] * Double(weight.value) }
            }
        }
        return expected
    }

    private func subtree(of root: Int) -> [Int] {
        var found: [Int] = []
        var pending = [root]
        while let index = pending.popLast() {
            found.append(index)
            if nodes[index].mode != .leaf { pending += [nodes[index].trueChild, nodes[index].falseChild] }
        }
        return found
    }

    // MARK: Path-dependent

    /// Adds the path-dependent SHAP values of `row` to `values[feature * targets + target]`.
    /// `scratch` must come from ``pathScratch()``; it is reused between rows.
    func addPathDependentShap(of row: ArraySlice<Float>, covers: [Double], targets: Int, scratch: inout PathScratch, into values: inout [Double]) {
        let stride = scratch.stride
        let features = ContiguousArray(row)
        let reciprocals = (0 ... stride + 1).map { $0 == 0 ? 0 : 1 / Double($0) }
        nodes.withUnsafeBufferPointer { nodes in
            weights.withUnsafeBufferPointer { weights in
                covers.withUnsafeBufferPointer { covers in
                    features.withUnsafeBufferPointer { features in
                        reciprocals.withUnsafeBufferPointer { reciprocals in
                            scratch.elements.withUnsafeMutableBufferPointer { buffer in
                                values.withUnsafeMutableBufferPointer { values in
                                    let walk = PathWalk(nodes: nodes, weights: weights, row: features, covers: covers, targets: targets, stride: stride,
                                                        reciprocals: reciprocals)
                                    for root in roots where covers[root] > 0 {
                                        walk.visit(root, level: 0, length: 0, zero: 1, one: 1, feature: -1, buffer: buffer, values: values)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Working memory for one path-dependent walk: one segment of the unique path per tree level.
    func pathScratch() -> PathScratch {
        let stride = depth + 2
        return PathScratch(stride: stride, elements: [PathElement](repeating: PathElement(), count: stride * (stride + 1)))
    }

    struct PathScratch {
        let stride: Int
        var elements: [PathElement]
    }

    /// One feature on the unique path: the share of background rows (`zero`) and of the explained
    /// row (`one`, 0 or 1) that follow the path through its splits, and the path's permutation weight.
    struct PathElement {
        var feature = -1
        var zero = 0.0
        var one = 0.0
        var weight = 0.0
    }
}

/// The recursion of path-dependent TreeSHAP over one tree. Each level keeps its copy of the
/// unique path in its own segment of the buffer, `stride` elements long.
private struct PathWalk {
    let nodes: UnsafeBufferPointer<TreeEnsemble.Node>
    let weights: UnsafeBufferPointer<TreeEnsemble.Weight>
    let row: UnsafeBufferPointer<Float>
    let covers: UnsafeBufferPointer<Double>
    let targets: Int
    let stride: Int
    /// 1/k for k = 0 … stride + 1 (0 for k = 0).
    let reciprocals: UnsafeBufferPointer<Double>

    typealias Element = TreeEnsemble.PathElement

    func visit(_ index: Int, level: Int, length: Int, zero: Double, one: Double, feature: Int,
               buffer: UnsafeMutableBufferPointer<Element>, values: UnsafeMutableBufferPointer<Double>) {
        let start = level * stride
        extend(buffer, start: start, length: length, zero: zero, one: one, feature: feature)
        var length = length + 1
        let node = nodes[index]
        if node.mode == .leaf {
            for position in 1 ..< length {
                let element = buffer[start + position]
                let scale = unwoundSum(buffer, start: start, length: length, position: position) * (element.one - element.zero)
                for weight in weights[node.weights] {
                    values[element.feature * targets + weight.target] += scale * Double(weight.value)
                }
            }
            return
        }
        let hot = node.child(for: row[node.feature])
        let cold = hot == node.trueChild ? node.falseChild : node.trueChild
        var incomingZero = 1.0
        var incomingOne = 1.0
        // A feature split on again is taken off the path and put back with both splits' fractions.
        var repeated = 1
        while repeated < length, buffer[start + repeated].feature != node.feature { repeated += 1 }
        if repeated < length {
            incomingZero = buffer[start + repeated].zero
            incomingOne = buffer[start + repeated].one
            unwind(buffer, start: start, length: length, position: repeated)
            length -= 1
        }
        let cover = covers[index]
        let next = start + stride
        func descend(_ child: Int, one: Double) {
            // A child no background row reaches adds nothing unless the explained row goes there.
            guard covers[child] > 0 || one != 0 else { return }
            for position in 0 ..< length { buffer[next + position] = buffer[start + position] }
            let share = cover > 0 ? covers[child] / cover : 0
            visit(child, level: level + 1, length: length, zero: incomingZero * share, one: one, feature: node.feature, buffer: buffer, values: values)
        }
        descend(hot, one: incomingOne)
        descend(cold, one: 0)
    }

    /// Appends a split to the path, updating every permutation weight.
    private func extend(_ path: UnsafeMutableBufferPointer<Element>, start: Int, length: Int, zero: Double, one: Double, feature: Int) {
        path[start + length] = Element(feature: feature, zero: zero, one: one, weight: length == 0 ? 1 : 0)
        let inverseTotal = reciprocals[length + 1]
        var position = length - 1
        while position >= 0 {
            path[start + position + 1].weight += one * path[start + position].weight * Double(position + 1) * inverseTotal
            path[start + position].weight = zero * path[start + position].weight * Double(length - position) * inverseTotal
            position -= 1
        }
    }

    /// Removes the split at `position` from a path of `length` elements, undoing its extension.
    private func unwind(_ path: UnsafeMutableBufferPointer<Element>, start: Int, length: Int, position: Int) {
        let last = length - 1
        let one = path[start + position].one
        let zero = path[start + position].zero
        let total = Double(last + 1)
        var carried = path[start + last].weight
        var index = last - 1
        while index >= 0 {
            if one != 0 {
                let previous = path[start + index].weight
                path[start + index].weight = carried * total / (Double(index + 1) * one)
                carried = previous - path[start + index].weight * zero * Double(last - index) / total
            } else {
                path[start + index].weight = path[start + index].weight * total / (zero * Double(last - index))
            }
            index -= 1
        }
        for moved in position ..< last {
            path[start + moved].feature = path[start + moved + 1].feature
            path[start + moved].zero = path[start + moved + 1].zero
            path[start + moved].one = path[start + moved + 1].one
        }
    }

    /// The total permutation weight of the path with the split at `position` taken out, without
    /// changing the path.
    private func unwoundSum(_ path: UnsafeMutableBufferPointer<Element>, start: Int, length: Int, position: Int) -> Double {
        let last = length - 1
        let one = path[start + position].one
        let zero = path[start + position].zero
        let total = Double(last + 1)
        let inverseTotal = reciprocals[last + 1]
        var sum = 0.0
        var index = last - 1
        // Divisions by small whole numbers are multiplications by their reciprocals, and one
        // division by `one` or `zero` per call.
        if one != 0 {
            let scale = total / one
            var carried = path[start + last].weight
            while index >= 0 {
                let weight = carried * scale * reciprocals[index + 1]
                sum += weight
                carried = path[start + index].weight - weight * zero * Double(last - index) * inverseTotal
                index -= 1
            }
        } else {
            let scale = total / zero
            while index >= 0 {
                sum += path[start + index].weight * scale * reciprocals[last - index]
                index -= 1
            }
        }
        return sum
    }
}

extension TreeEnsemble {
    // MARK: Interventional

    /// Adds the exact Shapley values of `row` against one `reference` row to
    /// `values[feature * targets + target]`, where a feature outside a coalition takes the
    /// reference's value. Where the row and the reference split the same way nothing is
    /// decided; where they part, one branch needs the feature in the coalition and the other
    /// needs it out, and a leaf reached with `a` features in and `b` out gives each feature in
    /// (a−1)!·b!/(a+b)! of its weight and takes a!·(b−1)!/(a+b)! from each feature out.
    func addInterventionalShap(of row: ArraySlice<Float>, against reference: ArraySlice<Float>, targets: Int,
                               scratch: inout InterventionalScratch, into values: inout [Double]) {
        scratch.reset()
        for root in roots {
            visitInterventional(root, row: row, reference: reference, targets: targets, scratch: &scratch, values: &values)
        }
    }

    private func visitInterventional(_ index: Int, row: ArraySlice<Float>, reference: ArraySlice<Float>, targets: Int,
                                     scratch: inout InterventionalScratch, values: inout [Double]) {
        let node = nodes[index]
        if node.mode == .leaf {
            let taken = scratch.fromRow.count
            let left = scratch.fromReference.count
            guard taken + left > 0 else { return }
            let gain = taken > 0 ? scratch.coefficient(taken - 1, left) : 0
            let loss = left > 0 ? scratch.coefficient(taken, left - 1) : 0
            for weight in weights[node.weights] {
                let value = Double(weight.value)
                for feature in scratch.fromRow { values[feature * targets + weight.target] += gain * value }
                for feature in scratch.fromReference { values[feature * targets + weight.target] -= loss * value }
            }
            return
        }
        let feature = node.feature
        let rowChild = node.child(for: row[row.startIndex + feature])
        let referenceChild = node.child(for: reference[reference.startIndex + feature])
        if rowChild == referenceChild {
            visitInterventional(rowChild, row: row, reference: reference, targets: targets, scratch: &scratch, values: &values)
            return
        }
        switch scratch.side[feature] {
        case .row: visitInterventional(rowChild, row: row, reference: reference, targets: targets, scratch: &scratch, values: &values)
        case .reference: visitInterventional(referenceChild, row: row, reference: reference, targets: targets, scratch: &scratch, values: &values)
        case .undecided:
            scratch.side[feature] = .row
            scratch.fromRow.append(feature)
            visitInterventional(rowChild, row: row, reference: reference, targets: targets, scratch: &scratch, values: &values)
            scratch.fromRow.removeLast()
            scratch.side[feature] = .reference
            scratch.fromReference.append(feature)
            visitInterventional(referenceChild, row: row, reference: reference, targets: targets, scratch: &scratch, values: &values)
            scratch.fromReference.removeLast()
            scratch.side[feature] = .undecided
        }
    }

    /// Working memory for interventional walks over rows of `features` features.
    func interventionalScratch(features: Int) -> InterventionalScratch {
        InterventionalScratch(features: features, depth: depth)
    }

    /// Which features a walk has decided, and the Shapley coefficients it needs.
    struct InterventionalScratch {
        enum Side { case undecided, row, reference }

        var side: [Side]
        var fromRow: [Int] = []
        var fromReference: [Int] = []
        /// `table[a * width + b]` = a!·b!/(a+b+1)!, for a + b below the depth.
        private let table: [Double]
        private let width: Int

        init(features: Int, depth: Int) {
            side = [Side](repeating: .undecided, count: features)
            width = depth + 1
            var table = [Double](repeating: 0, count: width * width)
            for a in 0 ..< width {
                for b in 0 ..< width {
                    // a!·b!/(a+b+1)! = 1 / ((a+b+1) · C(a+b, a)), with the binomial built up in doubles.
                    var binomial = 1.0
                    for step in 0 ..< a { binomial = binomial * Double(a + b - step) / Double(step + 1) }
                    table[a * width + b] = 1 / (Double(a + b + 1) * binomial)
                }
            }
            self.table = table
        }

        mutating func reset() {
            for feature in fromRow + fromReference { side[feature] = .undecided }
            fromRow.removeAll(keepingCapacity: true)
            fromReference.removeAll(keepingCapacity: true)
        }

        func coefficient(_ a: Int, _ b: Int) -> Double { table[a * width + b] }
    }
}
