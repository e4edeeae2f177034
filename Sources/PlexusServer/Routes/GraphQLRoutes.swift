import GraphQL
import Hummingbird
import PlexusGraphQL
import PlexusStore

/// `POST /graphql`: the standard GraphQL-over-HTTP body `{"query","variables","operationName"}`,
/// answered with `{"data","errors"}` as every GraphQL client expects.
struct GraphQLRoutes {
    let endpoint: GraphQLEndpoint
    let body: RequestBody

    init(store: SQLStore, body: RequestBody) {
        endpoint = GraphQLEndpoint(store: store)
        self.body = body
    }

    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.post("graphql") { request, context in
            let principal = try context.requirePrincipal()
            let graphQLRequest = try await body.decode(GraphQLRequest.self, from: request)
            return JSONResponse.make(try await endpoint.execute(graphQLRequest, principal: principal))
        }
    }
}
