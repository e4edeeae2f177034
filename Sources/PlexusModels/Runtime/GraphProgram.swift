/// A graph compiled for running: its nodes ordered so each runs once everything it reads is
/// made, their operators built once (so a malformed node is refused when the model is loaded),
/// and every value given a numbered slot. The model's graph is one; a `Scan` node's body is another.
struct GraphProgram: Sendable {
    private struct Step: Sendable {
        let node: String
        let implementation: any ONNXOperator
        /// The slot of each input; nil for an optional input left out.
        let inputs: [Int?]
        let outputs: [Int]
    }

    /// The graph's outputs, in order.
    let outputNames: [String]
    private let steps: [Step]
    private let slotCount: Int
    private let inputSlots: [Int]
    private let outputSlots: [Int]
    private let constants: [(slot: Int, value: ONNXValue)]

    /// Compiles `graph`, whose values `inputs` (in this order) are given when it runs, for a model
    /// importing `opsets`; its initializers are constants.
    /// - Throws: ``ModelError`` when a node's operator is unsupported or its attributes are
    ///   malformed, a value is used but never made, the graph has a cycle, or an output is never made.
    init(_ graph: Onnx_GraphProto, inputs: [String], registry: OperatorRegistry, opsets: [String: Int64]) throws(ModelError) {
        var slots: [String: Int] = [:]
        func slot(_ name: String) -> Int {
            if let existing = slots[name] { return existing }
            slots[name] = slots.count
            return slots.count - 1
        }
        var constants: [(Int, ONNXValue)] = []
        for initializer in graph.initializer {
            constants.append((slot(initializer.name), .tensor(try Self.tensor(initializer))))
        }
        inputSlots = inputs.map(slot)
        var available = Set(slots.keys)
        var pending = Array(zip(graph.node.enumerated().map { NodeDescription($1, position: $0) }, graph.node))
        var steps: [Step] = []
        // Kahn's order over the file's order: a node runs once everything it reads is made.
        while !pending.isEmpty {
            guard let ready = pending.firstIndex(where: { description, _ in description.inputs.allSatisfy { $0.isEmpty || available.contains($0) } }) else {
                let (stuck, _) = pending[0]
                let missing = stuck.inputs.first { !$0.isEmpty && !available.contains($0) } ?? "?"
                throw .invalidGraph("node \(stuck.name) reads '\(missing)', which no input, initializer or earlier node makes (or the graph has a cycle)")
            }
            let (description, proto) = pending.remove(at: ready)
            guard let implementation = registry.implementation(domain: description.domain, operatorType: description.operatorType) else {
                throw .unsupportedOperators([ModelError.OperatorUse(domain: description.domain, operatorType: description.operatorType, node: description.name)])
            }
            let built = try implementation.init(NodeAttributes(proto, name: description.name, registry: registry, opsets: opsets))
            steps.append(Step(
                node: description.name, implementation: built, inputs: description.inputs.map { $0.isEmpty ? nil : slot($0) },
                outputs: description.outputs.map(slot)))
            available.formUnion(description.outputs)
        }
        outputNames = graph.output.map(\.name)
        for output in outputNames where !available.contains(output) {
            throw .invalidGraph("the output '\(output)' is made by no node")
        }
        outputSlots = outputNames.map(slot)
        self.steps = steps
        self.constants = constants
        slotCount = slots.count
    }

    /// The graph's outputs, in order, for its inputs, in order.
    func run(_ inputs: [ONNXValue]) throws(ModelError) -> [ONNXValue] {
        var values = [ONNXValue?](repeating: nil, count: slotCount)
        for (slot, value) in constants { values[slot] = value }
        for (slot, value) in zip(inputSlots, inputs) { values[slot] = value }
        for step in steps {
            let produced = try step.implementation.run(step.inputs.map { $0.flatMap { values[$0] } }, node: step.node)
            for (slot, value) in zip(step.outputs, produced) { values[slot] = value }
        }
        var outputs: [ONNXValue] = []
        for (name, slot) in zip(outputNames, outputSlots) {
            guard let value = values[slot] else { throw .evaluation(node: name, message: "the output was not made") }
            outputs.append(value)
        }
        return outputs
    }

    /// An initializer's tensor.
    static func tensor(_ proto: Onnx_TensorProto) throws(ModelError) -> Tensor {
        let shape = proto.dims.map { Int($0) }
        let raw = proto.rawData
        func decoded<T>(_ type: T.Type, typed: [T]) -> [T] {
            guard !raw.isEmpty else { return typed }
            return raw.withUnsafeBytes { bytes in (0 ..< raw.count / MemoryLayout<T>.size).map { bytes.loadUnaligned(fromByteOffset: $0 * MemoryLayout<T>.size, as: T.self) } }
        }
        let elements: Tensor.Elements
        switch TensorElementType(rawValue: proto.dataType) {
        case .float?: elements = .float(decoded(Float.self, typed: proto.floatData))
        case .double?: elements = .double(decoded(Double.self, typed: proto.doubleData))
        case .int64?: elements = .int64(decoded(Int64.self, typed: proto.int64Data))
        case .int32?: elements = .int64(decoded(Int32.self, typed: proto.int32Data).map(Int64.init))
        case .uint8?: elements = .int64(raw.isEmpty ? proto.int32Data.map(Int64.init) : raw.map(Int64.init))
        case .string?: elements = .string(proto.stringData.map { String(decoding: $0, as: UTF8.self) })
        case .bool?: elements = .bool(raw.isEmpty ? proto.int32Data.map { $0 != 0 } : raw.map { $0 != 0 })
        default: throw .invalidGraph("initializer '\(proto.name)' has element type \(proto.dataType), which Plexus does not read")
        }
        guard let tensor = Tensor(shape: shape, elements: elements) else {
            throw .invalidGraph("initializer '\(proto.name)' holds \(elements.count) values for shape \(shape)")
        }
        return tensor
    }
}
