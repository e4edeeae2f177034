import Foundation

/// An uploaded ONNX model version: immutable once stored; uploading the same name again makes
/// the next version. Named by its ID, by `name@version`, or by `name` (the newest version).
public struct RegisteredModel: Sendable, Codable, Hashable {
    /// A graph input or output.
    public struct Value: Sendable, Codable, Hashable {
        /// The value's name.
        public var name: String
        /// `tensor`, or a sequence of maps (ZipMap's output) and so on.
        public var kind: String
        /// The tensor's element type (`float`, `int64`, `string`, …).
        public var elementType: String?
        /// The tensor's dimensions: sizes, symbolic names (a batch size) or `?`.
        public var shape: [String]?

        /// Creates a value description.
        public init(name: String, kind: String, elementType: String?, shape: [String]?) {
            self.name = name
            self.kind = kind
            self.elementType = elementType
            self.shape = shape
        }
    }

    /// One operator the graph uses, with how many nodes use it.
    public struct OperatorCount: Sendable, Codable, Hashable {
        /// The operator set's domain: `ai.onnx` or `ai.onnx.ml`.
        public var domain: String
        /// The operator.
        public var operatorType: String
        /// Nodes that use it.
        public var nodes: Int

        /// Creates an operator count.
        public init(domain: String, operatorType: String, nodes: Int) {
            self.domain = domain
            self.operatorType = operatorType
            self.nodes = nodes
        }
    }

    /// The model version's unique ID.
    public var id: Identifier<RegisteredModel>
    /// The model's name, shared by its versions.
    public var name: String
    /// 1 for the first upload of the name, then 2, 3, …
    public var version: Int
    /// What the model is.
    public var description: String?
    /// The names of the features of a single matrix input, in column order, when given at upload.
    public var features: [String]?
    /// The file's SHA-256, in hex.
    public var sha256: String
    /// The file's size in bytes.
    public var byteCount: Int
    /// The ONNX IR version.
    public var irVersion: Int64
    /// The operator sets imported, by domain.
    public var opsets: [String: Int64]
    /// The tool that wrote the file, with its version.
    public var producer: String
    /// The model's metadata properties.
    public var metadata: [String: String]
    /// What a prediction gives.
    public var inputs: [Value]
    /// What a prediction returns.
    public var outputs: [Value]
    /// The operators the graph uses.
    public var operators: [OperatorCount]
    /// When the version was uploaded.
    public var createdAt: Date

    /// Creates a model value.
    public init(
        id: Identifier<RegisteredModel>, name: String, version: Int, description: String?, features: [String]?, sha256: String, byteCount: Int,
        irVersion: Int64, opsets: [String: Int64], producer: String, metadata: [String: String], inputs: [Value], outputs: [Value],
        operators: [OperatorCount], createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.description = description
        self.features = features
        self.sha256 = sha256
        self.byteCount = byteCount
        self.irVersion = irVersion
        self.opsets = opsets
        self.producer = producer
        self.metadata = metadata
        self.inputs = inputs
        self.outputs = outputs
        self.operators = operators
        self.createdAt = createdAt
    }
}

extension RegisteredModel {
    /// The series a model's logged predictions go to (every version's): `model.` and its name,
    /// with characters a series name cannot hold replaced by `-`.
    public var predictionSeries: String { Self.predictionSeries(of: name) }

    /// The prediction series of the model called `name`.
    public static func predictionSeries(of name: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-"))
        let cleaned = String(String.UnicodeScalarView(name.unicodeScalars.map { $0.isASCII && allowed.contains($0) ? $0 : "-" }))
        return String("model.\(cleaned)".prefix(100))
    }
}
