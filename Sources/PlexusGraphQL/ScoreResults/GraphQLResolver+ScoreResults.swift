import PlexusCore

extension GraphQLResolver {
    /// `getScoreResult(id:)`: the caller's result with this ID.
    func getScoreResult(context: GraphQLContext, arguments: IDArguments) async throws -> ScoreResult? {
        try await store.scoreResult(arguments.id.rawValue, accountID: context.accountID)
    }

    /// `listScoreResults(…)`: the caller's results matching the filters, newest first.
    func listScoreResults(context: GraphQLContext, arguments: ListScoreResultsArguments) async throws -> ModelConnection<ScoreResult>? {
        let filter = try arguments.filter()
        return try await connection(limit: arguments.limit, nextToken: arguments.nextToken) { page in
            try await store.scoreResults(accountID: context.accountID, filter: filter, page: page)
        }
    }

    /// `createScoreResult(input:)`: records one result, creating an item for an unknown
    /// `itemExternalId`; resending an `idempotencyKey` returns the result already recorded.
    func createScoreResult(context: GraphQLContext, arguments: InputArguments<CreateScoreResultInput>) async throws -> ScoreResult? {
        let input = arguments.input
        do {
            let outcome = try await store.createScoreResults([try input.draft()], accountID: context.accountID)
            return try await store.scoreResult(outcome.ids[0].rawValue, accountID: context.accountID)
        } catch let error as DomainError {
            throw error.inInput(renaming: input.field(forStoreField:))
        }
    }

    /// `updateScoreResult(input:)`: changes the given fields of one of the caller's results.
    func updateScoreResult(context: GraphQLContext, arguments: InputArguments<UpdateScoreResultInput>) async throws -> ScoreResult? {
        let input = arguments.input
        do {
            return try await store.updateScoreResult(input.id.rawValue, accountID: context.accountID, with: try input.update())
        } catch let error as DomainError {
            throw error.inInput()
        }
    }
}
