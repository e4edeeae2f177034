import Foundation
import PlexusCore
import PlexusMonitoring
import PlexusScoring
import PlexusStore

/// Uploaded ONNX models read from the store, for `onnx` classifiers run by jobs of one account.
struct StoreRegisteredModels: RegisteredModelSource {
    let store: SQLStore
    let accountID: Identifier<Account>

    /// The version `reference` names with its file, or `nil` when there is none.
    func model(_ reference: String) async throws -> RegisteredModelFile? {
        guard let model = try await store.registeredModel(reference, accountID: accountID),
              let data = try await store.registeredModelFile(model.id, accountID: accountID) else { return nil }
        return RegisteredModelFile(id: model.id.rawValue, name: model.name, version: model.version, features: model.features, data: data)
    }

    /// Reads each asked-for column's chunks in order and keeps the cells of evenly spaced rows.
    func datasetRows(_ reference: String, columns: [String], limit: Int) async throws -> [[String: JSONValue]]? {
        guard let dataset = try await store.dataset(idOrName: reference, accountID: accountID) else { return nil }
        let names = dataset.columns.map(\.name)
        let missing = columns.filter { !names.contains($0) }
        guard missing.isEmpty else { throw DatasetRowsError.missingColumns(dataset: dataset.name, columns: missing, available: names) }
        let total = dataset.rowCount
        let chosen = total <= limit ? Array(0 ..< total) : (0 ..< limit).map { $0 * total / limit }
        var rows = [[String: JSONValue]](repeating: [:], count: chosen.count)
        for name in columns {
            guard let column = names.firstIndex(of: name) else { continue }
            var next = 0, position = 0
            while position < chosen.count, case let chunks = try await store.datasetChunks(of: dataset.id, column: column, from: next, limit: DatasetUpload.chunksPerRead),
                  !chunks.isEmpty {
                next += chunks.count
                for chunk in chunks {
                    while position < chosen.count, chosen[position] < chunk.firstRow + chunk.cells.count {
                        let cell = chosen[position] >= chunk.firstRow ? chunk.cells[chosen[position] - chunk.firstRow] : nil
                        rows[position][name] = cell.flatMap { $0.isEmpty ? nil : JSONValue.string($0) } ?? .null
                        position += 1
                    }
                }
            }
        }
        return rows
    }
}
