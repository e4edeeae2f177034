import GraphQL
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("GraphQL errors for bad input")
struct InvalidInputTests {
    /// Sends `createScoreResult` with the valid input changed by `changes`.
    private func create(_ graphQL: GraphQLHarness, _ tenant: Tenant, _ changes: [String: Map]) async throws -> GraphQLResult {
        var input: Map = ["scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": "call-1", "value": "Yes"]
        for (name, value) in changes { input[name] = value }
        return try await graphQL.run(Operations.createScoreResult, ["input": input], as: tenant.principal)
    }

    /// Whether the account holds no results and no items.
    private func nothingStored(_ store: SQLStore, _ tenant: Tenant) async throws -> Bool {
        let results = try await store.scoreResults(accountID: tenant.account.id, filter: ScoreResultFilter(), page: .first)
        let items = try await store.items(accountID: tenant.account.id, page: .first)
        return results.data.isEmpty && items.data.isEmpty
    }

    @Test("An out-of-range confidence names input.confidence and stores nothing", arguments: TestDatabase.available)
    func confidence(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            let result = try await create(graphQL, tenant, ["confidence": 1.5])
            #expect(result.messages == ["input.confidence: Must be a number between 0 and 1; got 1.5."])
            #expect(result.isNull("createScoreResult"))
            #expect(result.errors.first?.extensions == ["code": "invalid_value", "field": "input.confidence"])
            #expect(result.errors.first?.path.elements == [.key("createScoreResult")])
            #expect(try await nothingStored(store, tenant))
        }
    }

    @Test("Metadata that is not JSON names input.metadata and stores nothing", arguments: TestDatabase.available)
    func metadata(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            let result = try await create(graphQL, tenant, ["metadata": "{channel: phone"])
            #expect(result.messages.count == 1)
            #expect(result.messages.first?.hasPrefix("input.metadata: Must be a JSON-encoded string") == true)
            #expect(result.isNull("createScoreResult"))
            #expect(try await nothingStored(store, tenant))
        }
    }

    @Test("An unknown scorecard key or score names the input field that held it", arguments: TestDatabase.available)
    func unknownReferences(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            let scorecard = try await create(graphQL, tenant, ["scorecardKey": "no-such-card"])
            #expect(scorecard.errors.first?.extensions["field"] == "input.scorecardKey")
            #expect(scorecard.messages.first?.contains("'no-such-card'") == true)
            let score = try await create(graphQL, tenant, ["scoreKey": .null, "scoreId": "no-such-score"])
            #expect(score.errors.first?.extensions == ["code": "not_found", "field": "input.scoreId"])
            let both = try await create(graphQL, tenant, ["scorecardId": .string(tenant.scorecard.id.rawValue)])
            #expect(both.messages == ["input.scorecardKey: Give only one of scorecardId and scorecardKey."])
            #expect(try await nothingStored(store, tenant))
        }
    }

    @Test("A missing required input field is rejected before anything runs", arguments: TestDatabase.available)
    func missingValue(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            let result = try await create(graphQL, tenant, ["value": .null])
            #expect(result.errors.count == 1 && result.data == nil)
            #expect(result.messages.first?.contains("value") == true)
            #expect(try await nothingStored(store, tenant))
        }
    }

    @Test("updateScoreResult with an unknown id or a bad cost names the input field and changes nothing", arguments: TestDatabase.available)
    func badUpdate(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            let id = try await graphQL.createResult(for: tenant)
            let unknown = try await graphQL.run(Operations.updateScoreResult, ["input": ["id": "nope", "value": "No"]], as: tenant.principal)
            #expect(unknown.errors.first?.extensions == ["code": "not_found", "field": "input.id"])
            #expect(unknown.isNull("updateScoreResult"))
            let cost = try await graphQL.run(Operations.updateScoreResult, ["input": ["id": .string(id), "value": "No", "cost": -1]], as: tenant.principal)
            #expect(cost.messages == ["input.cost: Must be a number ≥ 0; got -1.0."])
            #expect(try await store.scoreResult(id, accountID: tenant.account.id)?.value == "Yes")
        }
    }

    @Test("A document that does not parse comes back in errors", arguments: TestDatabase.available)
    func syntaxError(database: TestDatabase) async throws {
        try await database.withStore { store in
            let tenant = try await Tenant.make(store)
            let result = try await GraphQLHarness(store).run("{ getScoreResult(id: ", as: tenant.principal)
            #expect(result.errors.count == 1 && result.data == nil)
            #expect(result.messages.first?.contains("Syntax Error") == true)
        }
    }
}
