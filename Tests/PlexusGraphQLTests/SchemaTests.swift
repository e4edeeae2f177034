import GraphQL
import PlexusCore
import PlexusTestSupport
import Testing

@Suite("GraphQL schema, accounts and scorecards")
struct SchemaTests {
    @Test("Introspection names the query and mutation types, as ordinary clients expect", arguments: TestDatabase.available)
    func introspection(database: TestDatabase) async throws {
        try await database.withStore { store in
            let tenant = try await Tenant.make(store)
            let result = try await GraphQLHarness(store).run(
                "{ __schema { queryType { name } mutationType { name } } }", as: tenant.principal)
            #expect(result.errors.isEmpty)
            #expect(result["__schema"] == ["queryType": ["name": "Query"], "mutationType": ["name": "Mutation"]])
        }
    }

    @Test("The root fields carry the Amplify-style names clients call", arguments: TestDatabase.available)
    func rootFields(database: TestDatabase) async throws {
        try await database.withStore { store in
            let tenant = try await Tenant.make(store)
            let result = try await GraphQLHarness(store).run("""
                { query: __type(name: "Query") { fields { name } } mutation: __type(name: "Mutation") { fields { name } }
                  connection: __type(name: "ModelScoreResultConnection") { fields { name } } }
                """, as: tenant.principal)
            func names(_ type: String) -> Set<String> { Set(result[type, "fields"].array?.compactMap { $0["name"].string } ?? []) }
            #expect(names("query") == [
                "getAccount", "getScorecard", "getScorecardById", "listScorecards", "getScoreResult", "listScoreResults",
                "getExperiment", "listExperiments", "getItem",
            ])
            #expect(names("mutation") == ["createScoreResult", "updateScoreResult", "createExperiment", "updateExperiment"])
            #expect(names("connection") == ["items", "nextToken"])
        }
    }

    @Test("getScorecard and getScorecardById return sections and scores; each matches only its own kind of name", arguments: TestDatabase.available)
    func scorecards(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            let byKey = try await graphQL.run(Operations.getScorecard, ["key": "call-qa"], as: tenant.principal)
            #expect(byKey["getScorecard", "id"] == .string(tenant.scorecard.id.rawValue))
            #expect(byKey["getScorecard", "version"] == 1 && byKey["getScorecard", "description"] == "Quality of calls")
            #expect(byKey["getScorecard", "sections", 1, "name"] == "Resolution")
            #expect(byKey["getScorecard", "sections", 1, "scores", 0] == [
                "id": .string(tenant.scoreID("resolved")), "key": "resolved", "name": "resolved",
                "classes": ["Yes", "No"], "positiveClass": "Yes",
            ])
            let byID = try await graphQL.run(Operations.getScorecardById, ["id": .string(tenant.scorecard.id.rawValue)], as: tenant.principal)
            #expect(byID["getScorecardById"] == byKey["getScorecard"])
            let keyAsID = try await graphQL.run(Operations.getScorecardById, ["id": "call-qa"], as: tenant.principal)
            #expect(keyAsID.isNull("getScorecardById") && keyAsID.errors.isEmpty)
            let idAsKey = try await graphQL.run(Operations.getScorecard, ["key": .string(tenant.scorecard.id.rawValue)], as: tenant.principal)
            #expect(idAsKey.isNull("getScorecard"))
        }
    }

    @Test("getAccount shows a key its own account by ID or key, and any account only to an admin", arguments: TestDatabase.available)
    func accounts(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            let other = try await Tenant.make(store)
            let own = try await graphQL.run(Operations.getAccount, ["id": .string(tenant.account.key)], as: tenant.principal)
            #expect(own["getAccount", "id"] == .string(tenant.account.id.rawValue) && own["getAccount", "name"] == "Test account")
            let hidden = try await graphQL.run(Operations.getAccount, ["id": .string(other.account.key)], as: tenant.principal)
            #expect(hidden.isNull("getAccount") && hidden.errors.isEmpty)
            let asAdmin = try await graphQL.run(Operations.getAccount, ["id": .string(other.account.id.rawValue)], as: tenant.admin)
            #expect(asAdmin["getAccount", "key"] == .string(other.account.key))
        }
    }
}
