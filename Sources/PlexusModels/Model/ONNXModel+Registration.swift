import Foundation
import PlexusCore

extension ONNXModel {
    /// The model as a registry stores it, under `name`; ID, version and time are the store's to set.
    public func registration(name: String, description: String?, features: [String]?) -> RegisteredModel {
        var counts: [String: (domain: String, type: String, nodes: Int)] = [:]
        for node in nodes {
            let key = "\(node.domain)|\(node.operatorType)"
            counts[key, default: (node.domain.isEmpty ? "ai.onnx" : node.domain, node.operatorType, 0)].nodes += 1
        }
        func value(_ description: ValueDescription) -> RegisteredModel.Value {
            RegisteredModel.Value(
                name: description.name, kind: description.kind, elementType: description.elementType?.description,
                shape: description.shape?.map(\.description))
        }
        return RegisteredModel(
            id: Identifier(""), name: name, version: 0, description: description, features: features, sha256: sha256, byteCount: byteCount,
            irVersion: irVersion, opsets: Dictionary(uniqueKeysWithValues: opsets.map { ($0.isEmpty ? "ai.onnx" : $0, $1) }),
            producer: [producer.name, producer.version].filter { !$0.isEmpty }.joined(separator: " "), metadata: metadata,
            inputs: inputs.map(value), outputs: outputs.map(value),
            operators: counts.values.sorted { ($0.domain, $0.type) < ($1.domain, $1.type) }.map { .init(domain: $0.domain, operatorType: $0.type, nodes: $0.nodes) },
            createdAt: Date(timeIntervalSince1970: 0))
    }
}
