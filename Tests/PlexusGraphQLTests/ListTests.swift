import Foundation
import GraphQL
import PlexusCore
import PlexusTestSupport
import Testing

@Suite("GraphQL list queries")
struct ListTests {
    /// Follows `nextToken` from the first page to the last, returning every page's IDs.
    private func pages(
        _ graphQL: GraphQLHarness, _ query: String, field: String, variables: [String: Map] = [:], as tenant: Tenant
    ) async throws -> [[String]] {
        var pages: [[String]] = []
        var token: Map = .null
        repeat {
            var page = variables
            page["limit"] = 2
            page["nextToken"] = token
            let result = try await graphQL.run(query, page, as: tenant.principal)
            try #require(result.errors.isEmpty, "\(result)")
            pages.append(result[field, "items"].array?.compactMap { $0["id"].string } ?? [])
            token = result[field, "nextToken"]
        } while token != .null && pages.count < 10
        return pages
    }

    @Test("listScoreResults pages newest first with nextToken until the last page", arguments: TestDatabase.available)
    func scoreResultPages(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            var ids: [String] = []
            for index in 0..<5 { ids.append(try await graphQL.createResult(for: tenant, item: "call-\(index)")) }
            let pages = try await pages(graphQL, Operations.listScoreResults, field: "listScoreResults", as: tenant)
            #expect(pages.map(\.count) == [2, 2, 1])
            #expect(pages.flatMap { $0 } == ids.reversed())
        }
    }

    @Test("listScoreResults narrows by score, item and time", arguments: TestDatabase.available)
    func scoreResultFilters(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            let greeting = try await graphQL.createResult(for: tenant, item: "call-1")
            let resolved = try await graphQL.createResult(for: tenant, item: "call-2", extra: ["scoreKey": "resolved"])
            func ids(_ variables: [String: Map]) async throws -> [String] {
                let result = try await graphQL.run(Operations.listScoreResults, variables, as: tenant.principal)
                return result["listScoreResults", "items"].array?.compactMap { $0["id"].string } ?? []
            }
            #expect(try await ids(["scoreId": .string(tenant.scoreID("resolved"))]) == [resolved])
            let item = try #require(try await store.scoreResult(greeting, accountID: tenant.account.id)?.itemId)
            #expect(try await ids(["itemId": .string(item.rawValue)]) == [greeting])
            let future = PlexusJSON.formatDate(Date().addingTimeInterval(3600))
            #expect(try await ids(["since": .string(future)]).isEmpty)
            #expect(Set(try await ids(["until": .string(future)])) == [greeting, resolved])
        }
    }

    @Test("listScorecards and listExperiments page with nextToken", arguments: TestDatabase.available)
    func otherLists(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            for key in ["b-card", "c-card"] {
                _ = try await store.createScorecard(
                    ScorecardDraft(key: key, name: key, sections: [.init(name: "Main", scores: [ScoreDraft(key: "greeting")])]), accountID: tenant.account.id)
            }
            let scorecards = try await pages(graphQL, Operations.listScorecards, field: "listScorecards", as: tenant)
            #expect(scorecards.map(\.count) == [2, 1])
            var experiments: [String] = []
            for _ in 0..<3 { experiments.append(try await graphQL.createExperiment(for: tenant)) }
            let listed = try await pages(
                graphQL, Operations.listExperiments, field: "listExperiments",
                variables: ["scorecardId": .string(tenant.scorecard.id.rawValue)], as: tenant)
            #expect(listed.flatMap { $0 } == experiments.reversed())
        }
    }

    @Test("A bad limit, nextToken or since names the argument", arguments: TestDatabase.available)
    func badArguments(database: TestDatabase) async throws {
        try await database.withStore { store in
            let graphQL = GraphQLHarness(store)
            let tenant = try await Tenant.make(store)
            let limit = try await graphQL.run(Operations.listScoreResults, ["limit": 0], as: tenant.principal)
            #expect(limit.messages == ["limit: limit must be between 1 and 1000; got 0."])
            #expect(limit.isNull("listScoreResults"))
            let token = try await graphQL.run(Operations.listScorecards, ["nextToken": "garbage!"], as: tenant.principal)
            #expect(token.errors.first?.extensions == ["code": "invalid_value", "field": "nextToken"])
            let since = try await graphQL.run(Operations.listScoreResults, ["since": "yesterday"], as: tenant.principal)
            #expect(since.messages == ["since: Must be an ISO 8601 date such as 2026-11-23T10:00:00Z; got 'yesterday'."])
        }
    }
}
