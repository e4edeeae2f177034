import PlexusCore

extension GraphQLResolver {
    /// Lists one page as a connection, naming paging problems by the GraphQL arguments
    /// `limit` and `nextToken` rather than by the store's `cursor`.
    func connection<Node>(
        limit: Int?, nextToken: String?, _ list: (PageRequest) async throws -> Page<Node>
    ) async throws -> ModelConnection<Node> {
        do {
            return ModelConnection(try await list(PageRequest(limit: limit, cursor: nextToken)))
        } catch DomainError.invalid(field: "cursor", message: _) {
            throw DomainError.invalid(
                field: "nextToken",
                message: "The nextToken is not one this server issued; pass the nextToken of the previous page unchanged."
            )
        }
    }
}
