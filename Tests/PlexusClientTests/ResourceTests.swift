import PlexusClient
import PlexusCore
import Testing

@Suite("Accounts, scorecards, items and experiments")
struct ResourceTests {
    @Test("An admin key creates an account whose key can read only its own account")
    func accounts() async throws {
        try await LiveServer.run { server in
            let admin = try server.client()
            let created = try await admin.accounts.create(key: "acme-qa", name: "Acme QA")
            #expect(try await admin.accounts.get(id: "acme-qa") == created.account)
            let acme = try server.client(context: ClientContext(accountKey: "acme-qa"), apiKey: created.apiKey)
            #expect(try await acme.accountID() == created.account.id)
            await #expect(throws: PlexusClientError.notFound(resource: "account", id: "default")) {
                try await acme.accounts.get(id: "default")
            }
            await acme.shutdown()
            await admin.shutdown()
        }
    }

    @Test("Scorecards are created, listed and read by key")
    func scorecards() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let draft = ScorecardDraft(key: "chat-qa", name: "Chat QA", sections: [.init(name: "Tone", scores: [ScoreDraft(key: "polite")])])
            let created = try await client.scorecards.create(draft)
            #expect(try await client.scorecards.get(key: "chat-qa") == created)
            let page = try await client.scorecards.list(limit: 10)
            #expect(Set(page.data.map(\.key)) == ["call-qa", "chat-qa"])
            await client.shutdown()
        }
    }

    @Test("Items are created in a batch once and read by ID")
    func items() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let drafts = [ItemDraft(externalId: "doc-1", text: "Hello"), ItemDraft(externalId: "doc-2")]
            let first = try await client.items.batchCreate(drafts)
            let again = try await client.items.batchCreate(drafts)
            #expect(first.created == 2 && again.duplicates == 2)
            #expect(try await client.items.get(id: first.ids[0]).text == "Hello")
            await client.shutdown()
        }
    }

    @Test("Queued experiment updates are applied in the order they were given")
    func queuedUpdatesInOrder() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let evaluation = try await client.experiments.create(type: "accuracy", totalItems: 20)
            for processed in 1...20 {
                try await client.experiments.update(id: evaluation.id, EvaluationUpdate(progress: Double(processed) / 20, processedItems: processed))
            }
            let last = try #require(try await client.experiments.update(id: evaluation.id, EvaluationUpdate(status: .completed), immediate: true))
            #expect(last.processedItems == 20 && last.progress == 1 && last.status == .completed)
            #expect(try await client.experiments.get(id: evaluation.id) == last)
            let stats = await client.stats
            #expect(stats.updatesQueued == 20 && stats.updatesSent == 20 && stats.updatesFailed == 0)
            await client.shutdown()
        }
    }

    @Test("An illegal status change is reported with the server's field")
    func illegalStatusChange() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let evaluation = try await client.experiments.create()
            try await client.experiments.update(id: evaluation.id, EvaluationUpdate(status: .failed), immediate: true)
            let error = await #expect(throws: PlexusClientError.self) {
                try await client.experiments.update(id: evaluation.id, EvaluationUpdate(status: .running), immediate: true)
            }
            guard case .api(let status, let code, _, let field) = error else { Issue.record("Expected api, got \(String(describing: error))"); return }
            #expect(status == 409 && code == "conflict" && field == "status")
            await client.shutdown()
        }
    }
}
