import Foundation

/// An uploaded model file as the `onnx` classifier loads it.
public struct RegisteredModelFile: Sendable, Hashable {
    /// The version's ID.
    public var id: String
    /// The model's name.
    public var name: String
    /// The version number.
    public var version: Int
    /// The column names given at upload, for a model with one matrix input.
    public var features: [String]?
    /// The `.onnx` file.
    public var data: Data

    /// Creates a model file.
    public init(id: String, name: String, version: Int, features: [String]?, data: Data) {
        self.id = id
        self.name = name
        self.version = version
        self.features = features
        self.data = data
    }
}

/// Finds uploaded models (`/api/v1/models`) for `onnx` classifiers.
public protocol RegisteredModelSource: Sendable {
    /// The version `reference` names (an ID, `name@version`, or `name` for the newest), or nil.
    func model(_ reference: String) async throws -> RegisteredModelFile?
}

/// A source with no uploaded models, for scoring that uses no `onnx` classifier.
public struct NoRegisteredModels: RegisteredModelSource {
    /// Creates the empty source.
    public init() {}

    /// Always `nil`.
    public func model(_ reference: String) async throws -> RegisteredModelFile? { nil }
}
