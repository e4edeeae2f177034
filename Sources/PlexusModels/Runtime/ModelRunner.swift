import Foundation

/// Runs an ``ONNXModel``: its nodes are ordered and their operators built once, with every
/// value given a numbered slot, so a prediction only fills an array of values in order.
public struct ModelRunner: Sendable {
    private struct Step: Sendable {
        let node: String
        let implementation: any ONNXOperator
        /// The slot of each input; nil for an optional input left out.
        let inputs: [Int?]
        let outputs: [Int]
    }

    /// The model run.
    public let model: ONNXModel
    private let steps: [Step]
    private let slotCount: Int
    private let inputSlots: [(description: ValueDescription, slot: Int)]
    private let outputSlots: [(name: String, slot: Int)]
    private let constants: [(slot: Int, value: ONNXValue)]

    /// Orders `model`'s nodes and builds their operators.
    /// - Throws: ``ModelError`` when a node's attributes are malformed, a value is used but never
    ///   made, the graph has a cycle, or an output is never made.
    public init(_ model: ONNXModel, registry: OperatorRegistry = .standard) throws(ModelError) {
        self.model = model
        var slots: [String: Int] = [:]
        func slot(_ name: String) -> Int {
            if let existing = slots[name] { return existing }
            slots[name] = slots.count
            return slots.count - 1
        }
        var constants: [(Int, ONNXValue)] = []
        for initializer in model.graph.initializer {
            constants.append((slot(initializer.name), .tensor(try Self.tensor(initializer))))
        }
        inputSlots = model.inputs.map { ($0, slot($0.name)) }
        var available = Set(slots.keys)
        var pending = Array(zip(model.nodes, model.graph.node))
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
            let built = try implementation.init(NodeAttributes(proto, name: description.name))
            steps.append(Step(
                node: description.name, implementation: built, inputs: description.inputs.map { $0.isEmpty ? nil : slot($0) },
                outputs: description.outputs.map(slot)))
            available.formUnion(description.outputs)
        }
        for output in model.outputs where !available.contains(output.name) {
            throw .invalidGraph("the output '\(output.name)' is made by no node")
        }
        outputSlots = model.outputs.map { ($0.name, slot($0.name)) }
        self.steps = steps
        self.constants = constants
        slotCount = slots.count
    }

    /// The model's outputs, by name, for `inputs` (by name).
    /// - Throws: ``ModelError`` naming a missing or mismatched input, or a node that could not run.
    public func run(_ inputs: [String: ONNXValue]) throws(ModelError) -> [String: ONNXValue] {
        var values = [ONNXValue?](repeating: nil, count: slotCount)
        for (slot, value) in constants { values[slot] = value }
        for (description, slot) in inputSlots {
            guard let value = inputs[description.name] else { throw .missingInput(description.name) }
            values[slot] = try Self.checked(value, against: description)
        }
        for step in steps {
            let produced = try step.implementation.run(step.inputs.map { $0.flatMap { values[$0] } }, node: step.node)
            for (slot, value) in zip(step.outputs, produced) { values[slot] = value }
        }
        var outputs: [String: ONNXValue] = [:]
        for (name, slot) in outputSlots {
            guard let value = values[slot] else { throw .evaluation(node: name, message: "the output was not made") }
            outputs[name] = value
        }
        return outputs
    }

    /// `value` if it fits `description`'s element type and fixed dimensions; numbers given for
    /// a float input are converted.
    private static func checked(_ value: ONNXValue, against description: ValueDescription) throws(ModelError) -> ONNXValue {
        guard let tensor = value.tensor else { throw .inputMismatch(input: description.name, message: "give a tensor") }
        var converted = tensor
        if let expected = description.elementType, expected != tensor.elements.elementType {
            guard expected == .float, let floats = tensor.floats else {
                throw .inputMismatch(input: description.name, message: "the model takes \(expected) elements, not \(tensor.elements.elementType)")
            }
            converted = Tensor(checkedShape: tensor.shape, .float(floats))
        }
        if let shape = description.shape {
            let expected = "[" + shape.map(\.description).joined(separator: ", ") + "]"
            guard shape.count == tensor.shape.count else {
                throw .inputMismatch(input: description.name, message: "the model takes shape \(expected); got \(tensor.shape)")
            }
            for (dimension, size) in zip(shape, tensor.shape) {
                if case let .fixed(fixed) = dimension, fixed != size {
                    throw .inputMismatch(input: description.name, message: "the model takes shape \(expected); got \(tensor.shape)")
                }
            }
        }
        return .tensor(converted)
    }

    /// An initializer's tensor.
    private static func tensor(_ proto: Onnx_TensorProto) throws(ModelError) -> Tensor {
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
        case .string?: elements = .string(proto.stringData.map { String(decoding: $0, as: UTF8.self) })
        default: throw .invalidGraph("initializer '\(proto.name)' has element type \(proto.dataType), which Plexus does not read")
        }
        guard let tensor = Tensor(shape: shape, elements: elements) else {
            throw .invalidGraph("initializer '\(proto.name)' holds \(elements.count) values for shape \(shape)")
        }
        return tensor
    }
}
