import Graphiti
import GraphQL
import Logging
import PlexusCore
import PlexusStore

/// The `/graphql` endpoint: queries and mutations over accounts, scorecards, score results,
/// experiments and items, named as the original Plexus Python client (AWS Amplify style) names them.
///
/// Every resolver is scoped to the caller's account, so an API key never reads or changes another
/// account's data.
public struct GraphQLEndpoint: Sendable {
    private let resolver: GraphQLResolver
    private let schema: Schema<GraphQLResolver, GraphQLContext>
    private let logger: Logger

    /// Builds the schema once, over `store`; resolver failures that are not the caller's fault go to `logger`.
    public init(store: SQLStore, logger: Logger = Logger(label: "plexus.graphql")) {
        resolver = GraphQLResolver(store: store)
        self.logger = logger
        do {
            schema = try Schema.create(from: [
                WireSchema(), AccountSchema(), ScorecardSchema(), ScoreResultSchema(), ExperimentSchema(), ItemSchema(),
            ])
        } catch {
            // The schema is the same on every run, so a schema that does not build is a bug that
            // every test run catches, not a condition a caller could handle.
            fatalError("The Plexus GraphQL schema is invalid: \(error)")
        }
    }

    /// Executes one request (query, variables, operationName) for the caller's account.
    ///
    /// Syntax errors, validation errors and failed fields all come back in the result's `errors`;
    /// a field that failed on bad input also carries the REST error's `code` and `field` in its
    /// `extensions`.
    public func execute(_ request: GraphQLRequest, principal: Principal) async throws -> GraphQLResult {
        do {
            let result = try await schema.execute(
                request: request.query, resolver: resolver, context: GraphQLContext(principal: principal),
                variables: request.variables, operationName: request.operationName
            )
            return result.withDomainErrorDetails(logger: logger)
        } catch let error as GraphQLError {
            // A document that does not parse is thrown rather than returned; clients expect it in `errors`.
            return GraphQLResult(errors: [error])
        }
    }
}
