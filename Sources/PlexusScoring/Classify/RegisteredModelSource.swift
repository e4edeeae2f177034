import Foundation
import PlexusCore

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

/// Finds uploaded models (`/api/v1/models`) for `onnx` classifiers, and the uploaded datasets
/// (`/api/v1/data`) their explanations compare items with.
public protocol RegisteredModelSource: Sendable {
    /// The version `reference` names (an ID, `name@version`, or `name` for the newest), or nil.
    func model(_ reference: String) async throws -> RegisteredModelFile?
    /// At most `limit` rows of the dataset `reference` names (its ID, or the newest of that name),
    /// spread evenly over it, each with the cells of `columns` (as uploaded, null when empty or
    /// absent); nil when there is no such dataset.
    /// - Throws: ``DatasetRowsError/missingColumns(dataset:columns:available:)`` when the dataset lacks some of `columns`.
    func datasetRows(_ reference: String, columns: [String], limit: Int) async throws -> [[String: JSONValue]]?
}

/// Why dataset rows could not be read for a classifier.
public enum DatasetRowsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The dataset has no column of some of the names asked for.
    case missingColumns(dataset: String, columns: [String], available: [String])

    public var description: String {
        switch self {
        case let .missingColumns(dataset, columns, available):
            "Dataset '\(dataset)' has no column \(columns.map { "'\($0)'" }.joined(separator: ", ")); its columns are \(available.joined(separator: ", "))."
        }
    }
}

/// A source with no uploaded models, for scoring that uses no `onnx` classifier.
public struct NoRegisteredModels: RegisteredModelSource {
    /// Creates the empty source.
    public init() {}

    /// Always `nil`.
    public func model(_ reference: String) async throws -> RegisteredModelFile? { nil }

    /// Always `nil`.
    public func datasetRows(_ reference: String, columns: [String], limit: Int) async throws -> [[String: JSONValue]]? { nil }
}
