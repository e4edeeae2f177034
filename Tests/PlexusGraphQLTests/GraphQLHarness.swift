import GraphQL
import PlexusCore
import PlexusGraphQL
import PlexusStore

/// A GraphQL endpoint over a test store, called in-process as the server would call it.
struct GraphQLHarness {
    let store: SQLStore
    let endpoint: GraphQLEndpoint

    init(_ store: SQLStore) {
        self.store = store
        endpoint = GraphQLEndpoint(store: store)
    }

    /// Sends one request with variables, as an ordinary client sends them.
    func run(_ query: String, _ variables: [String: Map] = [:], as principal: Principal) async throws -> GraphQLResult {
        try await endpoint.execute(GraphQLRequest(query: query, variables: variables), principal: principal)
    }

    /// Records a result for `tenant` through `createScoreResult` and returns its ID.
    func createResult(for tenant: Tenant, item: String = "call-1", value: String = "Yes", extra: [String: Map] = [:]) async throws -> String {
        var input: Map = ["scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": .string(item), "value": .string(value)]
        for (name, value) in extra { input[name] = value }
        let result = try await run(Operations.createScoreResult, ["input": input], as: tenant.principal)
        guard result.errors.isEmpty, let id = result["createScoreResult", "id"].string else {
            throw HarnessError.failed(result)
        }
        return id
    }

    /// Creates an experiment of `tenant`'s scorecard through `createExperiment` and returns its ID.
    func createExperiment(for tenant: Tenant) async throws -> String {
        let result = try await run(Operations.createExperiment, ["input": ["scorecardKey": "call-qa", "totalItems": 10]], as: tenant.principal)
        guard result.errors.isEmpty, let id = result["createExperiment", "id"].string else {
            throw HarnessError.failed(result)
        }
        return id
    }
}

/// A setup step that should have succeeded did not.
enum HarnessError: Error, CustomStringConvertible {
    case failed(GraphQLResult)

    var description: String {
        switch self {
        case .failed(let result): return "Setup request failed: \(result)"
        }
    }
}
