import Foundation

/// Runs an ``ONNXModel``: its graph is compiled once into a ``GraphProgram`` (nodes ordered,
/// operators built, every value a numbered slot), so a prediction only fills an array of values
/// in order.
public struct ModelRunner: Sendable {
    /// The model run.
    public let model: ONNXModel
    private let program: GraphProgram

    /// Orders `model`'s nodes and builds their operators.
    /// - Throws: ``ModelError`` when a node's attributes are malformed, a value is used but never
    ///   made, the graph has a cycle, or an output is never made.
    public init(_ model: ONNXModel, registry: OperatorRegistry = .standard) throws(ModelError) {
        self.model = model
        program = try GraphProgram(model.graph, inputs: model.inputs.map(\.name), registry: registry, opsets: model.opsets)
    }

    /// The model's outputs, by name, for `inputs` (by name).
    /// - Throws: ``ModelError`` naming a missing or mismatched input, or a node that could not run.
    public func run(_ inputs: [String: ONNXValue]) throws(ModelError) -> [String: ONNXValue] {
        var given: [ONNXValue] = []
        for description in model.inputs {
            guard let value = inputs[description.name] else { throw .missingInput(description.name) }
            given.append(try Self.checked(value, against: description))
        }
        let produced = try program.run(given)
        return Dictionary(zip(program.outputNames, produced), uniquingKeysWith: { first, _ in first })
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
}
