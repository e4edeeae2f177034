import PlexusClient
import PlexusCore
import Testing

@Suite("Resuming and training data through the client")
struct TrainingDataTests {
    @Test("Scored items are found per scorecard version, across more than one request")
    func scoredItems() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            for item in ["call-1", "call-2"] {
                try await client.scoreResults.create(value: "Yes", itemID: item, scorecardVersion: item == "call-1" ? 1 : 2, immediate: true)
            }
            let asked = (0..<1500).map { "other-\($0)" } + ["call-2", "call-1"]
            #expect(try await client.scorecards.scoredItems("call-qa", itemIDs: asked, scores: ["greeting"]) == ["call-2", "call-1"])
            #expect(try await client.scorecards.scoredItems("call-qa", itemIDs: asked, scores: ["greeting"], version: 1) == ["call-1"])
            // Without a score list every score counts, and no item has `resolution`.
            #expect(try await client.scorecards.scoredItems("call-qa", itemIDs: asked).isEmpty)
            #expect(try await client.scoreResults.list().data.compactMap(\.scorecardVersion).sorted() == [1, 2])
            await client.shutdown()
        }
    }

    @Test("Items and labels uploaded in bulk come back as labelled items")
    func labelledItems() async throws {
        try await LiveServer.run { server in
            let client = try server.client()
            let items = (0..<1200).map { ItemDraft(externalId: "doc-\($0)", text: "Text \($0)") }
            _ = try await client.items.batchCreate(items)
            let labels = items.enumerated().map { index, item in
                LabelInput(scorecardKey: "call-qa", scoreKey: "resolution", itemExternalId: item.externalId, value: index.isMultiple(of: 3) ? "Resolved" : "Unresolved")
            }
            #expect(try await client.labels.setBatch(labels) == 1200)
            let labelled = try await client.scorecards.allLabelledItems("call-qa", score: "resolution")
            #expect(labelled.count == 1200)
            #expect(labelled.first { $0.itemId == "doc-3" } == LabelledItem(itemId: "doc-3", text: "Text 3", metadata: nil, label: "Resolved"))
            await #expect(throws: PlexusClientError.self) {
                try await client.labels.setBatch([LabelInput(scorecardKey: "call-qa", scoreKey: "resolution", itemExternalId: "x", value: "Maybe")])
            }
            await client.shutdown()
        }
    }
}
