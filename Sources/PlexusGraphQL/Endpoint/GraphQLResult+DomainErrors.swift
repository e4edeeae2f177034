import GraphQL
import PlexusCore

extension GraphQLResult {
    /// The result with `extensions.code` and `extensions.field` on every error a resolver raised as
    /// a ``DomainError``: the same code and field path a REST error body carries.
    func withDomainErrorDetails() -> GraphQLResult {
        var result = self
        result.errors = errors.map { error in
            guard let domainError = error.originalError as? DomainError else { return error }
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
