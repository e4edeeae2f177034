import Crypto
import Foundation
import SwiftProtobuf

/// An ONNX model read and checked: what it is, what it takes and gives, and what it runs.
/// Reading refuses a model Plexus cannot run, naming every unsupported operator and its node.
public struct ONNXModel: Sendable {
    /// The newest version of each operator set the interpreter runs.
    public static let newestOpsets: [String: Int64] = ["": 21, "ai.onnx.ml": 5]

    /// The ONNX IR version the file was written with.
    public let irVersion: Int64
    /// The operator sets imported, by domain (`""` is the default `ai.onnx`).
    public let opsets: [String: Int64]
    /// The tool that wrote the model, and its version.
    public let producer: (name: String, version: String)
    /// The model's own version number, when the exporter set one.
    public let modelVersion: Int64
    /// The metadata properties, by key.
    public let metadata: [String: String]
    /// The inputs a prediction gives.
    public let inputs: [ValueDescription]
    /// The outputs a prediction returns.
    public let outputs: [ValueDescription]
    /// The graph's nodes, in the file's order.
    public let nodes: [NodeDescription]
    /// The file's SHA-256, in hex.
    public let sha256: String
    /// The file's size in bytes.
    public let byteCount: Int

    let graph: Onnx_GraphProto

    /// Reads and checks a model file's bytes.
    /// - Throws: ``ModelError`` when the bytes are not ONNX, an operator set is too new, or an
    ///   operator is not in `registry`.
    public init(bytes: Data, registry: OperatorRegistry = .standard) throws(ModelError) {
        let proto: Onnx_ModelProto
        do {
            proto = try Onnx_ModelProto(serializedBytes: bytes)
        } catch {
            throw .notONNX("it does not decode as an ONNX ModelProto: \(error)")
        }
        guard proto.hasGraph, !proto.graph.node.isEmpty else { throw .notONNX("it has no graph, or a graph with no nodes") }
        irVersion = proto.irVersion
        var opsets: [String: Int64] = [:]
        for opset in proto.opsetImport { opsets[opset.domain == "ai.onnx" ? "" : opset.domain] = max(opsets[opset.domain] ?? 0, opset.version) }
        for (domain, version) in opsets.sorted(by: { $0.key < $1.key }) {
            if let newest = Self.newestOpsets[domain], version > newest { throw .unsupportedOpset(domain: domain, version: version, newest: newest) }
        }
        self.opsets = opsets
        producer = (proto.producerName, proto.producerVersion)
        modelVersion = proto.modelVersion
        metadata = Dictionary(proto.metadataProps.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        graph = proto.graph
        let initialized = Set(proto.graph.initializer.map(\.name))
        inputs = proto.graph.input.filter { !initialized.contains($0.name) }.map(ValueDescription.init)
        outputs = proto.graph.output.map(ValueDescription.init)
        nodes = proto.graph.node.enumerated().map { NodeDescription($1, position: $0) }
        let unsupported = nodes.filter { !registry.supports(domain: $0.domain, operatorType: $0.operatorType) }
        guard unsupported.isEmpty else {
            throw .unsupportedOperators(unsupported.map { ModelError.OperatorUse(domain: $0.domain, operatorType: $0.operatorType, node: $0.name) })
        }
        sha256 = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        byteCount = bytes.count
    }
}

/// A graph input or output: its name, element type and shape.
public struct ValueDescription: Sendable, Equatable {
    /// One dimension: a fixed size, a symbolic name (such as a batch size), or unknown.
    public enum Dimension: Sendable, Equatable, CustomStringConvertible {
        case fixed(Int)
        case symbolic(String)
        case unknown

        public var description: String {
            switch self {
            case let .fixed(size): String(size)
            case let .symbolic(name): name
            case .unknown: "?"
            }
        }
    }

    /// The value's name.
    public let name: String
    /// `tensor`, `sequence<map<int64,float>>` and so on.
    public let kind: String
    /// The tensor's element type; nil for other kinds.
    public let elementType: TensorElementType?
    /// The tensor's dimensions; nil when the shape is not given or the value is not a tensor.
    public let shape: [Dimension]?

    init(_ proto: Onnx_ValueInfoProto) {
        name = proto.name
        let type = proto.type
        if case let .tensorType(tensor)? = type.value {
            kind = "tensor"
            elementType = TensorElementType(rawValue: tensor.elemType) ?? .undefined
            shape = tensor.hasShape ? tensor.shape.dim.map { dimension in
                switch dimension.value {
                case let .dimValue(size)?: .fixed(Int(size))
                case let .dimParam(name)? where !name.isEmpty: .symbolic(name)
                default: .unknown
                }
            } : nil
        } else if case let .sequenceType(sequence)? = type.value, case let .mapType(map)? = sequence.elemType.value {
            let key = TensorElementType(rawValue: map.keyType) ?? .undefined
            let value = map.valueType.tensorType.elemType
            kind = "sequence<map<\(key),\(TensorElementType(rawValue: value) ?? .undefined)>>"
            elementType = nil
            shape = nil
        } else {
            kind = "other"
            elementType = nil
            shape = nil
        }
    }
}

/// One node of the graph.
public struct NodeDescription: Sendable, Equatable {
    /// The node's name, or `#N` (its position) when the file gives none.
    public let name: String
    /// The operator set's domain; empty for `ai.onnx`.
    public let domain: String
    /// The operator.
    public let operatorType: String
    /// The values it reads.
    public let inputs: [String]
    /// The values it makes.
    public let outputs: [String]

    init(_ proto: Onnx_NodeProto, position: Int) {
        name = proto.name.isEmpty ? "#\(position)" : proto.name
        domain = proto.domain == "ai.onnx" ? "" : proto.domain
        operatorType = proto.opType
        inputs = proto.input
        outputs = proto.output
    }
}
