import Hummingbird
import PlexusCore
import Testing

@Suite("GraphQL over HTTP")
struct GraphQLRouteTests {
    @Test("A standard GraphQL POST creates and reads a score result")
    func roundTrip() async throws {
        try await TestServer.run { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let create = try await server.request(.post, "/graphql", json: [
                "query": "mutation Create($input: CreateScoreResultInput!) { createScoreResult(input: $input) { id value confidence } }",
                "variables": ["input": ["scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": "call-9", "value": "Yes", "confidence": 0.8]],
                "operationName": "Create",
            ])
            #expect(create.status == .ok && create.json["errors"] == nil)
            let id = try #require(create.json["data"]?["createScoreResult"]?["id"]?.stringValue)
            let read = try await server.request(.post, "/graphql", json: [
                "query": "query Get($id: ID!) { getScoreResult(id: $id) { value confidence } }", "variables": ["id": .string(id)],
            ])
            #expect(read.json["data"]?["getScoreResult"]?["confidence"] == 0.8)
            let rest = try await server.request(.get, "/api/v1/score-results/\(id)")
            #expect(rest.json["value"] == "Yes")
        }
    }

    @Test("Introspection works and errors come back in the errors array")
    func introspectionAndErrors() async throws {
        try await TestServer.run { server in
            let schema = try await server.request(.post, "/graphql", json: ["query": "{ __schema { queryType { name } mutationType { name } } }"])
            #expect(schema.json["data"]?["__schema"]?["mutationType"]?["name"] == "Mutation")
            let broken = try await server.request(.post, "/graphql", json: ["query": "{ getScorecard(key: "]) 
            #expect(broken.status == .ok && broken.json["errors"]?.arrayCount == 1)
            let anonymous = try await server.request(.post, "/graphql", key: "", json: ["query": "{ listScorecards { items { id } } }"])
            #expect(anonymous.status == .unauthorized)
        }
    }
}
