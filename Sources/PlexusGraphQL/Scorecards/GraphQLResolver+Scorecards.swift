import PlexusCore

extension GraphQLResolver {
    /// `getScorecard(key:)`: the caller's scorecard with this key.
    func getScorecard(context: GraphQLContext, arguments: KeyArguments) async throws -> Scorecard? {
        // The store matches an ID or a key; this field promises a key.
        try await store.scorecard(arguments.key, accountID: context.accountID).flatMap { $0.key == arguments.key ? $0 : nil }
    }

    /// `getScorecardById(id:)`: the caller's scorecard with this ID.
    func getScorecardById(context: GraphQLContext, arguments: IDArguments) async throws -> Scorecard? {
        let id = arguments.id.rawValue
        return try await store.scorecard(id, accountID: context.accountID).flatMap { $0.id.rawValue == id ? $0 : nil }
    }

    /// `listScorecards(limit:nextToken:)`: the caller's scorecards, newest first.
    func listScorecards(context: GraphQLContext, arguments: ListArguments) async throws -> ModelConnection<Scorecard>? {
        try await connection(limit: arguments.limit, nextToken: arguments.nextToken) { page in
            try await store.scorecards(accountID: context.accountID, page: page)
        }
    }
}
