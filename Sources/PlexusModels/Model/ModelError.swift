/// Why a model was refused at upload or a prediction could not be made. Each message names what
/// was wrong and what to do.
public enum ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not an ONNX model.
    case notONNX(String)
    /// The model's graph uses operators Plexus does not run; every one is listed with its node.
    case unsupportedOperators([OperatorUse])
    /// The model imports an operator set newer than Plexus runs.
    case unsupportedOpset(domain: String, version: Int64, newest: Int64)
    /// The graph is malformed: a value used before it is made, a cycle, a missing output.
    case invalidGraph(String)
    /// A node's attributes are missing or inconsistent.
    case invalidAttribute(node: String, attribute: String, message: String)
    /// An input the model needs was not given.
    case missingInput(String)
    /// A given input's type or shape does not fit the model.
    case inputMismatch(input: String, message: String)
    /// A node could not compute its outputs from the values it was given.
    case evaluation(node: String, message: String)
    /// A prediction request's body does not say what to predict on; `field` is its path.
    case invalidRequest(field: String, message: String)
    /// The model cannot be explained by `method` (for example `tree_shap` on a model that is not
    /// a tree ensemble); the message says which method can.
    case notExplainable(method: String, reason: String)

    /// An operator a node uses, as `domain:op_type` with the node's name.
    public struct OperatorUse: Sendable, Equatable, CustomStringConvertible {
        /// The operator set's domain (`ai.onnx.ml`, or empty for the default `ai.onnx`).
        public let domain: String
        /// The operator.
        public let operatorType: String
        /// The node that uses it (its name, or its position when it has none).
        public let node: String

        public var description: String { "\(domain.isEmpty ? "ai.onnx" : domain).\(operatorType) (node \(node))" }
    }

    public var description: String {
        switch self {
        case let .notONNX(reason):
            "The file is not an ONNX model (\(reason)); export the model with skl2onnx, onnxmltools or torch.onnx and upload the .onnx file."
        case let .unsupportedOperators(uses):
            "The model uses operators Plexus cannot run: \(uses.map(\.description).joined(separator: ", ")); export it without them or ask for their support."
        case let .unsupportedOpset(domain, version, newest):
            "The model needs version \(version) of the \(domain.isEmpty ? "ai.onnx" : domain) operator set; Plexus runs up to \(newest). Export it with target_opset \(newest) or lower."
        case let .invalidGraph(reason):
            "The model's graph is malformed: \(reason)."
        case let .invalidAttribute(node, attribute, message):
            "Node \(node): attribute '\(attribute)' \(message)."
        case let .missingInput(name):
            "The model needs the input '\(name)'; give it in inputs."
        case let .inputMismatch(input, message):
            "Input '\(input)': \(message)."
        case let .evaluation(node, message):
            "Node \(node) could not run: \(message)."
        case let .invalidRequest(_, message):
            message
        case let .notExplainable(method, reason):
            "The model cannot be explained with \(method): \(reason)."
        }
    }
}
