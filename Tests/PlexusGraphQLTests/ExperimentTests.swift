import GraphQL
import PlexusCore
import PlexusTestSupport
import Testing

@Suite("GraphQL experiments")
struct ExperimentTests {
    @Test("createExperiment makes a PENDING experiment that getExperiment reads back", arguments: TestDatabase.available)
    func createThenRead(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            let created = try await graphQL.run(Operations.createExperiment, ["input": [
                "type": "accuracy", "scorecardKey": "call-qa", "scoreKey": "resolved",
                "parameters": #"{"sample":100}"#, "totalItems": 100,
            ]], as: tenant.principal)
            #expect(created.errors.isEmpty)
            let id = try #require(created["createExperiment", "id"].string)
            let read = try await graphQL.run(Operations.getExperiment, ["id": .string(id)], as: tenant.principal)
            #expect(read["getExperiment"] == created["createExperiment"])
            #expect(read["getExperiment", "status"] == "PENDING" && read["getExperiment", "progress"] == 0)
            #expect(read["getExperiment", "scoreId"] == .string(tenant.scoreID("resolved")))
            #expect(read["getExperiment", "parameters"] == #"{"sample":100}"#)
            #expect(read["getExperiment", "totalItems"] == 100 && read["getExperiment", "startedAt"] == .null)
        }
    }

    @Test("updateExperiment reports progress, then RUNNING and COMPLETED set their timestamps", arguments: TestDatabase.available)
    func progressFlow(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            let id = try await graphQL.createExperiment(for: tenant)
            func update(_ fields: [String: Map]) async throws -> GraphQLResult {
                var input: Map = ["id": .string(id)]
                for (name, value) in fields { input[name] = value }
                return try await graphQL.run(Operations.updateExperiment, ["input": input], as: tenant.principal)
            }
            let running = try await update(["status": "RUNNING", "progress": 0.5, "processedItems": 5])
            #expect(running.errors.isEmpty)
            #expect(running["updateExperiment", "status"] == "RUNNING" && running["updateExperiment", "processedItems"] == 5)
            #expect(running["updateExperiment", "startedAt"].string != nil && running["updateExperiment", "completedAt"] == .null)

            let done = try await update([
                "status": "COMPLETED", "progress": 1, "processedItems": 10, "accuracy": 0.8,
                "metrics": #"{"f1":0.75}"#, "confusionMatrix": #"[[4,1],[1,4]]"#,
            ])
            #expect(done["updateExperiment", "status"] == "COMPLETED" && done["updateExperiment", "accuracy"] == 0.8)
            #expect(done["updateExperiment", "completedAt"].string != nil)
            #expect(done["updateExperiment", "startedAt"] == running["updateExperiment", "startedAt"])
            #expect(done["updateExperiment", "metrics"] == #"{"f1":0.75}"#)
            #expect(done["updateExperiment", "confusionMatrix"] == "[[4,1],[1,4]]")

            let stored = try #require(try await store.evaluation(id, accountID: tenant.account.id))
            #expect(stored.status == .completed && stored.metrics == .object(["f1": .number(0.75)]))
        }
    }

    @Test("A finished experiment keeps its status, and bad status or progress name their fields", arguments: TestDatabase.available)
    func rejectedUpdates(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            let id = try await graphQL.createExperiment(for: tenant)
            let unknownStatus = try await graphQL.run(Operations.updateExperiment, ["input": ["id": .string(id), "status": "DONE"]], as: tenant.principal)
            #expect(unknownStatus.messages == ["input.status: Must be one of PENDING, RUNNING, COMPLETED, FAILED, CANCELLED; got 'DONE'."])
            let progress = try await graphQL.run(Operations.updateExperiment, ["input": ["id": .string(id), "progress": 1.5]], as: tenant.principal)
            #expect(progress.errors.first?.extensions == ["code": "invalid_value", "field": "input.progress"])
            _ = try await graphQL.run(Operations.updateExperiment, ["input": ["id": .string(id), "status": "FAILED", "errorMessage": "model down"]], as: tenant.principal)
            let reopen = try await graphQL.run(Operations.updateExperiment, ["input": ["id": .string(id), "status": "RUNNING"]], as: tenant.principal)
            #expect(reopen.errors.first?.extensions == ["code": "conflict", "field": "input.status"])
            #expect(reopen.isNull("updateExperiment"))
            let stored = try #require(try await store.evaluation(id, accountID: tenant.account.id))
            #expect(stored.status == .failed && stored.progress == 0 && stored.errorMessage == "model down")
        }
    }

    @Test("createExperiment with an unknown scorecard or bad parameters names the input field", arguments: TestDatabase.available)
    func badCreate(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            let scorecard = try await graphQL.run(Operations.createExperiment, ["input": ["scorecardId": "missing"]], as: tenant.principal)
            #expect(scorecard.errors.first?.extensions == ["code": "not_found", "field": "input.scorecardId"])
            let parameters = try await graphQL.run(Operations.createExperiment, ["input": ["scorecardKey": "call-qa", "parameters": "{"]], as: tenant.principal)
            #expect(parameters.errors.first?.extensions["field"] == "input.parameters")
            #expect(try await store.evaluations(accountID: tenant.account.id, page: .first).data.isEmpty)
        }
    }
}
