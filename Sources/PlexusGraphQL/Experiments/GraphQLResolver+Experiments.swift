import PlexusCore

extension GraphQLResolver {
    /// `getExperiment(id:)`: the caller's experiment with this ID.
    func getExperiment(context: GraphQLContext, arguments: IDArguments) async throws -> Evaluation? {
        try await store.evaluation(arguments.id.rawValue, accountID: context.accountID)
    }

    /// `listExperiments(scorecardId:limit:nextToken:)`: the caller's experiments, newest first.
    func listExperiments(context: GraphQLContext, arguments: ListExperimentsArguments) async throws -> ModelConnection<Evaluation>? {
        try await connection(limit: arguments.limit, nextToken: arguments.nextToken) { page in
            try await store.evaluations(accountID: context.accountID, scorecardID: arguments.scorecardId.map(Identifier.init), page: page)
        }
    }

    /// `createExperiment(input:)`: a PENDING experiment of one of the caller's scorecards.
    func createExperiment(context: GraphQLContext, arguments: InputArguments<CreateExperimentInput>) async throws -> Evaluation? {
        let input = arguments.input
        do {
            return try await store.createEvaluation(try input.draft(), accountID: context.accountID)
        } catch let error as DomainError {
            throw error.inInput(renaming: input.field(forStoreField:))
        }
    }

    /// `updateExperiment(input:)`: progress, metrics or a status change; RUNNING sets `startedAt`,
    /// COMPLETED or FAILED set `completedAt`, and a finished experiment keeps its status.
    func updateExperiment(context: GraphQLContext, arguments: InputArguments<UpdateExperimentInput>) async throws -> Evaluation? {
        let input = arguments.input
        do {
            return try await store.updateEvaluation(input.id.rawValue, accountID: context.accountID, with: try input.update())
        } catch let error as DomainError {
            throw error.inInput()
        }
    }
}
