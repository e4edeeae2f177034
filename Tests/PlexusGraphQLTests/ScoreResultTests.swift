import GraphQL
import PlexusCore
import PlexusStore
import PlexusTestSupport
import Testing

@Suite("GraphQL score results")
struct ScoreResultTests {
    @Test("createScoreResult records a result that getScoreResult and getItem read back", arguments: TestDatabase.available)
    func createThenRead(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            let created = try await graphQL.run(Operations.createScoreResult, ["input": [
                "scorecardId": .string(tenant.scorecard.id.rawValue), "scoreKey": "greeting", "itemExternalId": "call-7",
                "value": "Yes", "confidence": 0.75, "explanation": "Said hello", "metadata": #"{"channel":"phone","turns":3}"#,
                "cost": 0.002, "latency": 1.5, "scoringJobId": "job-1", "idempotencyKey": "k-7",
            ]], as: tenant.principal)
            #expect(created.errors.isEmpty)
            let id = try #require(created["createScoreResult", "id"].string)

            let read = try await graphQL.run(Operations.getScoreResult, ["id": .string(id)], as: tenant.principal)
            #expect(read.errors.isEmpty)
            #expect(read["getScoreResult"] == created["createScoreResult"])
            #expect(read["getScoreResult", "accountId"] == .string(tenant.account.id.rawValue))
            #expect(read["getScoreResult", "scoreId"] == .string(tenant.scoreID("greeting")))
            #expect(read["getScoreResult", "confidence"] == 0.75 && read["getScoreResult", "latency"] == 1.5)
            #expect(read["getScoreResult", "metadata"] == #"{"channel":"phone","turns":3}"#)
            #expect(read["getScoreResult", "idempotencyKey"] == "k-7" && read["getScoreResult", "evaluationId"] == .null)
            let createdAt = try #require(read["getScoreResult", "createdAt"].string)
            #expect(PlexusJSON.parseDate(createdAt) != nil)

            let itemID = try #require(read["getScoreResult", "itemId"].string)
            let item = try await graphQL.run(Operations.getItem, ["id": .string(itemID)], as: tenant.principal)
            #expect(item["getItem", "externalId"] == "call-7" && item["getItem", "metadata"] == .null)
        }
    }

    @Test("Resending createScoreResult with the same idempotencyKey returns the first result", arguments: TestDatabase.available)
    func idempotent(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            let first = try await graphQL.createResult(for: tenant, extra: ["idempotencyKey": "once"])
            let again = try await graphQL.createResult(for: tenant, value: "No", extra: ["idempotencyKey": "once"])
            #expect(again == first)
            let stored = try await store.scoreResults(accountID: tenant.account.id, filter: ScoreResultFilter(), page: .first)
            #expect(stored.data.map(\.value) == ["Yes"])
        }
    }

    @Test("createScoreResult links a result to an experiment by evaluationId", arguments: TestDatabase.available)
    func linksExperiment(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            let experiment = try await graphQL.createExperiment(for: tenant)
            let id = try await graphQL.createResult(for: tenant, extra: ["evaluationId": .string(experiment)])
            let listed = try await graphQL.run(Operations.listScoreResults, ["evaluationId": .string(experiment)], as: tenant.principal)
            #expect(listed["listScoreResults", "items"] == [["id": .string(id), "value": "Yes"]])
        }
    }

    @Test("updateScoreResult changes only the fields it is given", arguments: TestDatabase.available)
    func update(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            let id = try await graphQL.createResult(for: tenant, extra: ["confidence": 0.9, "explanation": "first"])
            let updated = try await graphQL.run(Operations.updateScoreResult, ["input": [
                "id": .string(id), "value": "No", "metadata": #"{"reviewed":true}"#,
            ]], as: tenant.principal)
            #expect(updated.errors.isEmpty)
            #expect(updated["updateScoreResult", "value"] == "No" && updated["updateScoreResult", "metadata"] == #"{"reviewed":true}"#)
            let stored = try #require(try await store.scoreResult(id, accountID: tenant.account.id))
            #expect(stored.value == "No" && stored.confidence == 0.9 && stored.explanation == "first")
            #expect(stored.metadata == .object(["reviewed": .bool(true)]))
        }
    }
}
