import Foundation
import PlexusCore
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
}
