import Foundation

/// A node's attributes, read by name, with errors that name the node and the attribute.
struct NodeAttributes {
    /// The node's name, for messages.
    let node: String
    /// The operators a subgraph attribute (a `Scan` body) is built from.
    let registry: OperatorRegistry
    /// The model's operator set versions, by domain (`""` for `ai.onnx`), for operators whose
    /// behaviour changed between versions.
    let opsets: [String: Int64]
    private let attributes: [String: Onnx_AttributeProto]

    init(_ proto: Onnx_NodeProto, name: String, registry: OperatorRegistry = .standard, opsets: [String: Int64] = [:]) {
        node = name
        self.registry = registry
        self.opsets = opsets
        attributes = Dictionary(proto.attribute.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A tensor attribute (such as LabelEncoder's `keys_tensor`); nil when the node has none.
    func tensor(_ name: String) throws(ModelError) -> Tensor? {
        guard let attribute = attributes[name] else { return nil }
        guard attribute.hasT else { throw invalid(name, "is not a tensor") }
        return try GraphProgram.tensor(attribute.t)
    }

    /// A graph attribute, such as a `Scan` node's body.
    func graph(_ name: String) throws(ModelError) -> Onnx_GraphProto {
        guard let attribute = attributes[name] else { throw missing(name) }
        guard attribute.hasG else { throw invalid(name, "is not a graph") }
        return attribute.g
    }

    func has(_ name: String) -> Bool { attributes[name] != nil }

    func int(_ name: String, default value: Int64? = nil) throws(ModelError) -> Int64 {
        if let attribute = attributes[name] { return attribute.i }
        if let value { return value }
        throw missing(name)
    }

    func float(_ name: String, default value: Float? = nil) throws(ModelError) -> Float {
        if let attribute = attributes[name] { return attribute.f }
        if let value { return value }
        throw missing(name)
    }

    func string(_ name: String, default value: String? = nil) throws(ModelError) -> String {
        if let attribute = attributes[name] { return String(decoding: attribute.s, as: UTF8.self) }
        if let value { return value }
        throw missing(name)
    }

    /// A list attribute; empty when absent, unless `required`.
    func floats(_ name: String, required: Bool = false) throws(ModelError) -> [Float] {
        guard let attribute = attributes[name] else { if required { throw missing(name) } else { return [] } }
        return attribute.floats
    }

    func ints(_ name: String, required: Bool = false) throws(ModelError) -> [Int64] {
        guard let attribute = attributes[name] else { if required { throw missing(name) } else { return [] } }
        return attribute.ints
    }

    func strings(_ name: String, required: Bool = false) throws(ModelError) -> [String] {
        guard let attribute = attributes[name] else { if required { throw missing(name) } else { return [] } }
        return attribute.strings.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The class labels given as `ints` or `strings`, whichever the node has.
    func classLabels(ints: String, strings: String) throws(ModelError) -> ClassLabels {
        let names = try self.strings(strings)
        if !names.isEmpty { return .string(names) }
        let numbers = try self.ints(ints)
        guard !numbers.isEmpty else { throw invalid(ints, "is missing; the node needs \(ints) or \(strings)") }
        return .int64(numbers)
    }

    func missing(_ name: String) -> ModelError { .invalidAttribute(node: node, attribute: name, message: "is required") }

    func invalid(_ name: String, _ message: String) -> ModelError { .invalidAttribute(node: node, attribute: name, message: message) }
}
