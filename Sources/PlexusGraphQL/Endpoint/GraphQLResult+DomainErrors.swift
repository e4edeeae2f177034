import GraphQL
import Logging
import PlexusCore

extension GraphQLResult {
    /// The result with `extensions.code` and `extensions.field` on every error a resolver raised as
    /// a ``DomainError``: the same code and field path a REST error body carries. Other failures of
    /// a resolver (the database, a bug) are logged and replaced by a message that reveals nothing internal.
    func withDomainErrorDetails(logger: Logger) -> GraphQLResult {
        var result = self
        result.errors = errors.map { error in
            guard let original = error.originalError, !(original is GraphQLError) else { return error }
            guard let domainError = original as? DomainError else {
                logger.error("GraphQL resolver failed at \(error.path): \(String(reflecting: original))")
                return GraphQLError(
                    message: "The server failed to resolve this field; the error has been logged.", nodes: error.nodes,
                    source: error.source, positions: error.positions, path: error.path, originalError: nil,
                    extensions: ["code": .string("internal_error")])
            }
            var extensions = error.extensions
            extensions["code"] = .string(domainError.code)
            extensions["field"] = domainError.field.map(Map.string) ?? .null
            return GraphQLError(
                message: error.message, nodes: error.nodes, source: error.source, positions: error.positions,
                path: error.path, originalError: domainError, extensions: extensions
            )
        }
        return result
    }
}
