import PlexusStore

/// Two accounts with the same scorecard key; the owner also has a result, its item and an experiment.
struct IsolationScene {
    let graphQL: GraphQLHarness
    let owner: Tenant
    let intruder: Tenant
    let resultID: String
    let itemID: String
    let experimentID: String

    /// Every ID of the owner's data; none may appear in what the intruder gets back.
    var ownerIDs: [String] {
        [owner.account.id.rawValue, owner.scorecard.id.rawValue, owner.scoreID("greeting"), resultID, itemID, experimentID]
    }

    static func make(_ store: SQLStore) async throws -> IsolationScene {
        let graphQL = GraphQLHarness(store)
        let owner = try await Tenant.make(store)
        let intruder = try await Tenant.make(store)
        let resultID = try await graphQL.createResult(for: owner)
        let itemID = try await store.scoreResult(resultID, accountID: owner.account.id)!.itemId.rawValue
        let experimentID = try await graphQL.createExperiment(for: owner)
        return IsolationScene(
            graphQL: graphQL, owner: owner, intruder: intruder, resultID: resultID, itemID: itemID, experimentID: experimentID)
    }
}
