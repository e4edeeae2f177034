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
    /// `extensions`. An operation the key's scopes do not allow is refused whole, with
    /// `extensions.code` `insufficient_scope`, before any field runs: queries need `read`,
    /// mutations `write`, and a mutation that only creates score results `ingest` (what a
    /// pipeline sends).
    public func execute(_ request: GraphQLRequest, principal: Principal) async throws -> GraphQLResult {
        if let needed = Self.requiredScope(request), !principal.scopes.grants(needed) {
            let held = principal.scopes.ordered.map(\.rawValue).joined(separator: ", ")
            return GraphQLResult(errors: [
                GraphQLError(
                    message: "This operation needs an API key with the `\(needed.rawValue)` scope; this key holds \(held). Make one with `plexus key create --scope \(needed.rawValue)`.",
                    extensions: ["code": .string("insufficient_scope")])
            ])
        }
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

    /// The mutations an `ingest` key may send.
    private static let ingestMutations: Set<String> = ["createScoreResult"]

    /// The scope the operation `request` would run needs: the one named by `operationName`, or
    /// the document's only operation. `nil` for a document that does not parse or names no
    /// operation, which `execute` reports without running anything.
    private static func requiredScope(_ request: GraphQLRequest) -> APIScope? {
        guard let document = try? parse(source: request.query, noLocation: true) else { return nil }
        let operations = document.definitions.compactMap { $0 as? OperationDefinition }
        let selected = request.operationName.map { name in operations.first { $0.name?.value == name } }
            ?? (operations.count == 1 ? operations.first : nil)
        guard let selected else { return nil }
        guard selected.operation == .mutation else { return .read }
        let fields = selected.selectionSet.selections.map { ($0 as? GraphQL.Field)?.name.value }
        return fields.allSatisfy { $0.map(ingestMutations.contains) ?? false } ? .ingest : .write
    }
}
