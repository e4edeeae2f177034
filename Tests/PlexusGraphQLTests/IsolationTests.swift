import GraphQL
import PlexusCore
import PlexusTestSupport
import Testing

@Suite("GraphQL account isolation")
struct IsolationTests {
    @Test("Another account's key neither sees nor changes the owner's data", arguments: TestDatabase.available, IsolationProbe.allCases)
    func probe(database: TestDatabase, probe: IsolationProbe) async throws {
        try await database.withStore { store in
            let scene = try await IsolationScene.make(store)
            let (query, variables) = probe.request(in: scene)

            let intruding = try await scene.graphQL.run(query, variables, as: scene.intruder.principal)
            let seen = String(describing: intruding.data ?? .null)
            #expect(scene.ownerIDs.allSatisfy { !seen.contains($0) }, "\(intruding)")
            if probe.isMutation {
                #expect(intruding.errors.first?.extensions["code"] == "not_found", "\(intruding)")
            } else {
                #expect(intruding.errors.isEmpty)
            }
            let owner = scene.owner.account.id
            #expect(try await store.scoreResult(scene.resultID, accountID: owner)?.value == "Yes")
            #expect(try await store.evaluation(scene.experimentID, accountID: owner)?.status == .pending)
            #expect(try await store.evaluations(accountID: scene.intruder.account.id, page: .first).data.isEmpty)
            #expect(try await store.scoreResults(accountID: scene.intruder.account.id, filter: ScoreResultFilter(), page: .first).data.isEmpty)

            // The same request from the owner succeeds and shows the owner's data, so the probe really aims at it.
            let owning = try await scene.graphQL.run(query, variables, as: scene.owner.principal)
            #expect(owning.errors.isEmpty, "\(owning)")
            let shown = String(describing: owning.data ?? .null)
            #expect(scene.ownerIDs.contains { shown.contains($0) }, "\(owning)")
        }
    }
}
