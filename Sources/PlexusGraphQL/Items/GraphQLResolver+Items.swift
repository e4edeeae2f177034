import PlexusCore

extension GraphQLResolver {
    /// `getItem(id:)`: the caller's item with this ID.
    func getItem(context: GraphQLContext, arguments: IDArguments) async throws -> Item? {
        try await store.item(arguments.id.rawValue, accountID: context.accountID)
    }
}
