import GraphQL
import PlexusCore
import PlexusTestSupport
import Testing

@Suite("GraphQL introspection as standard clients send it")
struct IntrospectionTests {
    @Test("Arguments answer isDeprecated and deprecationReason when a client asks for input-value deprecation")
    func argumentDeprecation() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let tenant = try await Tenant.make(store)
            let result = try await GraphQLHarness(store).run(
                "{ __schema { queryType { fields { name args(includeDeprecated: true) { name isDeprecated deprecationReason } } } } }",
                as: tenant.principal)
            #expect(result.errors.isEmpty, "\(result.messages)")
            let fields = result["__schema", "queryType", "fields"].array ?? []
            let getScorecard = try #require(fields.first { $0["name"] == "getScorecard" })
            #expect(getScorecard["args"] == [["name": "key", "isDeprecated": false, "deprecationReason": .null]])
        }
    }

    @Test("Input object fields answer isDeprecated too")
    func inputFieldDeprecation() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let tenant = try await Tenant.make(store)
            let result = try await GraphQLHarness(store).run(
                #"{ __type(name: "CreateScoreResultInput") { inputFields(includeDeprecated: true) { name isDeprecated type { kind } } } }"#,
                as: tenant.principal)
            #expect(result.errors.isEmpty, "\(result.messages)")
            let inputFields = result["__type", "inputFields"].array ?? []
            #expect(inputFields.contains { $0["name"] == "value" && $0["isDeprecated"] == false && $0["type", "kind"] == "NON_NULL" })
            #expect(inputFields.allSatisfy { $0["isDeprecated"] == false })
        }
    }

    @Test("The full introspection query GraphiQL sends answers without errors and describes every type")
    func fullIntrospection() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let tenant = try await Tenant.make(store)
            let result = try await GraphQLHarness(store).run(IntrospectionQuery.graphiQL, as: tenant.principal)
            #expect(result.errors.isEmpty, "\(result.messages)")
            let types = result["__schema", "types"].array ?? []
            let names = Set(types.compactMap { $0["name"].string })
            #expect(names.isSuperset(of: ["Query", "Mutation", "CreateScoreResultInput", "__InputValue", "String", "Boolean"]))
            #expect(result["__schema", "queryType", "name"] == "Query" && result["__schema", "mutationType", "name"] == "Mutation")
            let directives = result["__schema", "directives"].array ?? []
            #expect(directives.contains { $0["name"] == "include" && $0["args", 0, "isDeprecated"] == false })
        }
    }
}

/// The introspection document GraphiQL and graphql-js's `getIntrospectionQuery` build with every
/// option on (descriptions, `specifiedByURL`, repeatable directives, schema description,
/// input-value deprecation, `isOneOf`).
enum IntrospectionQuery {
    static let graphiQL = """
        query IntrospectionQuery {
          __schema {
            description
            queryType { name kind }
            mutationType { name kind }
            subscriptionType { name kind }
            types { ...FullType }
            directives {
              name
              description
              isRepeatable
              locations
              args(includeDeprecated: true) { ...InputValue }
            }
          }
        }

        fragment FullType on __Type {
          kind
          name
          description
          specifiedByURL
          isOneOf
          fields(includeDeprecated: true) {
            name
            description
            args(includeDeprecated: true) { ...InputValue }
            type { ...TypeRef }
            isDeprecated
            deprecationReason
          }
          inputFields(includeDeprecated: true) { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }

        fragment InputValue on __InputValue {
          name
          description
          type { ...TypeRef }
          defaultValue
          isDeprecated
          deprecationReason
        }

        fragment TypeRef on __Type {
          kind
          name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
        }
        """
}
