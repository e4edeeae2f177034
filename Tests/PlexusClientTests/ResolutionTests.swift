import PlexusClient
import PlexusCore
import Testing

@Suite("Resolving keys to IDs")
struct ResolutionTests {
    @Test("Scorecard, score and account keys resolve on first use and are then cached")
    func resolvesAndCaches() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            #expect(try await client.scorecardID() == server.scorecard.id)
            #expect(try await client.scoreID() == server.scorecard.score("greeting")!.id)
            #expect(try await client.scoreID(key: "resolution") == server.scorecard.score("resolution")!.id)
            #expect(await client.stats.lookups == 1)
            #expect(try await client.accountID() == server.account.id)
            #expect(try await client.accountID() == server.account.id)
            #expect(await client.stats.lookups == 2)
            await client.shutdown()
        }
    }

    @Test("Fifty concurrent first uses share one lookup")
    func concurrentFirstUse() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let ids = try await withThrowingTaskGroup(of: Identifier<Score>.self) { group in
                for _ in 0..<50 { group.addTask { try await client.scoreID() } }
                return try await group.reduce(into: Set<Identifier<Score>>()) { $0.insert($1) }
            }
            #expect(ids == [server.scorecard.score("greeting")!.id])
            #expect(await client.stats.lookups == 1)
            await client.shutdown()
        }
    }

    @Test("Results sent by key carry the resolved scorecard and score IDs")
    func resultsCarryResolvedIDs() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let result = try #require(try await client.scoreResults.create(
                value: "Resolved", itemID: "call-1", scoreKey: "resolution", immediate: true))
            #expect(result.scorecardId == server.scorecard.id)
            #expect(result.scoreId == server.scorecard.score("resolution")!.id)
            await client.shutdown()
        }
    }

    @Test("A scorecard with several scores needs a score key")
    func ambiguousScore() async throws {
        try await LiveServer.run { server in
            let client = try server.client(context: ClientContext(scorecardKey: "call-qa"))
            let error = await #expect(throws: PlexusClientError.self) {
                try await client.scoreResults.create(value: "Yes", itemID: "call-1")
            }
            guard case .scoreNotChosen(let scorecard, let scores) = error else { Issue.record("Expected scoreNotChosen, got \(String(describing: error))"); return }
            #expect(scorecard == "call-qa" && scores.contains("greeting"))
            #expect(error?.description.contains("greeting, ") == true && error?.description.contains("scoreKey") == true)
            await client.shutdown()
        }
    }

    @Test("An unknown score key is reported with the scorecard's scores")
    func unknownScore() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let error = await #expect(throws: PlexusClientError.self) {
                try await client.scoreResults.create(value: "Yes", itemID: "call-1", scoreKey: "empathy")
            }
            guard case .unknownScore(let key, let scorecard, let scores) = error else { Issue.record("Expected unknownScore, got \(String(describing: error))"); return }
            #expect(key == "empathy" && scorecard == "call-qa")
            #expect(scores.contains("greeting") && scores.contains("resolution"))
            #expect(error?.description == "Scorecard 'call-qa' has no score 'empathy'; its scores are \(scores.joined(separator: ", ")).")
            await client.shutdown()
        }
    }

    @Test("Updating a scorecard through the client refreshes the cached scores")
    func updateRefreshesCache() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            _ = try await client.scorecardID()
            let update = ScorecardUpdate(sections: [.init(name: "Opening", scores: [ScoreDraft(key: "empathy")])])
            let updated = try await client.scorecards.update(key: "call-qa", update)
            #expect(updated.version == 2)
            #expect(try await client.scoreID(key: "empathy") == updated.score("empathy")!.id)
            #expect(await client.stats.lookups == 1)
            await client.shutdown()
        }
    }
}
