import Foundation
import PlexusCore
import PlexusModels

/// Prepared runners of recently used model versions, so a prediction does not parse the model
/// again; versions are immutable, so an entry never goes stale. Holds at most `capacity`.
actor ModelRunnerCache {
    private let capacity: Int
    private var runners: [Identifier<RegisteredModel>: ModelRunner] = [:]
    private var order: [Identifier<RegisteredModel>] = []

    init(capacity: Int = 16) {
        self.capacity = capacity
    }

    /// The runner of model version `id`, prepared from `file()` the first time.
    func runner(for id: Identifier<RegisteredModel>, file: () async throws -> Data) async throws -> ModelRunner {
        if let runner = runners[id] {
            order.removeAll { $0 == id }
            order.append(id)
            return runner
        }
        let runner = try ModelRunner(try ONNXModel(bytes: try await file()))
        runners[id] = runner
        order.append(id)
        if order.count > capacity { runners[order.removeFirst()] = nil }
        return runner
    }
}
