import Foundation
import Hummingbird
import PlexusCore
import PlexusMonitoring
import PlexusStore

/// `/api/v1/data`: upload a dataset (streamed), list, read, delete, and read its statistics and
/// quality findings.
struct DatasetRoutes {
    let store: SQLStore
    let upload: DatasetUploadBody

    /// What `DELETE /api/v1/data/{id}` answers.
    struct Deleted: Encodable {
        let id: String
        let deleted: Bool
    }

    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.post("data/upload") { request, context in
            let dataset = try await upload.receive(request, accountID: try context.requirePrincipal().accountID)
            return JSONResponse.make(dataset, status: .created)
        }
        group.get("data") { request, context in
            let page = try QueryParameters(request: request).page()
            return JSONResponse.make(try await store.datasets(accountID: try context.requirePrincipal().accountID, page: page))
        }
        group.get("data/:id") { _, context in
            let id = try context.parameters.require("id")
            guard let dataset = try await store.dataset(id, accountID: try context.requirePrincipal().accountID) else { throw APIError.notFound("dataset", id) }
            return JSONResponse.make(dataset)
        }
        group.delete("data/:id") { _, context in
            let id = try context.parameters.require("id")
            guard try await store.deleteDataset(id, accountID: try context.requirePrincipal().accountID) else { throw APIError.notFound("dataset", id) }
            return JSONResponse.make(Deleted(id: id, deleted: true))
        }
        group.get("data/:id/statistics") { _, context in
            let id = try context.parameters.require("id")
            guard let statistics = try await store.datasetStatistics(id, accountID: try context.requirePrincipal().accountID) else {
                throw APIError.notFound("dataset", id)
            }
            return JSONResponse.make(statistics)
        }
        group.get("data/:id/quality") { request, context in
            let id = try context.parameters.require("id")
            let accountID = try context.requirePrincipal().accountID
            let query = QueryParameters(request: request)
            var expected: [String: ColumnType] = [:]
            if let reference = query.string("model") {
                guard let model = try await store.registeredModel(reference, accountID: accountID) else {
                    throw DomainError.notFound(resource: "model", id: reference, field: "model")
                }
                expected = Self.expectedSchema(of: model)
            }
            // Columns named in expect are checked as expect says, over the model's.
            expected.merge(try Self.expectedSchema(query.string("expect"))) { _, given in given }
            guard let quality = try await store.datasetQuality(id, accountID: accountID, expected: expected) else {
                throw APIError.notFound("dataset", id)
            }
            return JSONResponse.make(quality)
        }
    }

    /// The columns a dataset needs to feed `model`, as its `onnx` score reads them: the feature
    /// names it was uploaded with (numbers), else one column per input, typed by its elements.
    static func expectedSchema(of model: RegisteredModel) -> [String: ColumnType] {
        if let features = model.features {
            return Dictionary(features.map { ($0, ColumnType.float) }, uniquingKeysWith: { first, _ in first })
        }
        return Dictionary(model.inputs.map { input -> (String, ColumnType) in
            switch input.elementType ?? "float" {
            case "string": (input.name, .text)
            case "bool": (input.name, .boolean)
            case let type where type.hasPrefix("int") || type.hasPrefix("uint"): (input.name, .integer)
            default: (input.name, .float)
            }
        }, uniquingKeysWith: { first, _ in first })
    }

    /// The `expect` parameter: the input schema a model or scorecard needs, as a JSON object of
    /// column names to types.
    static func expectedSchema(_ text: String?) throws -> [String: ColumnType] {
        guard let text else { return [:] }
        let names = ColumnType.allCases.map(\.rawValue).joined(separator: ", ")
        guard let object = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8)) else {
            throw APIError.badParameter("expect", "expect must be a JSON object of the column names and types an input needs, such as {\"age\":\"integer\"}; the types are \(names).")
        }
        return try object.mapValues { name in
            guard let type = ColumnType(rawValue: name) else {
                throw APIError.badParameter("expect", "expect names the type '\(name)'; the types are \(names).")
            }
            return type
        }
    }
}
