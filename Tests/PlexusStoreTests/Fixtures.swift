import Foundation
import PlexusCore
import PlexusStore

/// Small factories for store tests.
enum Fixtures {
    static func account(_ store: SQLStore, key: String = "acct-\(UUID().uuidString.prefix(8))") async throws -> Account {
        try await store.createAccount(key: key, name: "Test \(key)")
    }

    static func scorecardDraft(key: String = "call-qa") -> ScorecardDraft {
        ScorecardDraft(key: key, name: "Call QA", description: "Quality of calls", sections: [
            .init(name: "Opening", scores: [ScoreDraft(key: "greeting", name: "Greeting")]),
            .init(name: "Resolution", scores: [
                ScoreDraft(key: "resolved", classes: ["Yes", "No"], positiveClass: "Yes"),
                ScoreDraft(key: "sentiment", classes: ["positive", "neutral", "negative"]),
            ]),
        ])
    }

    static func result(item: String, value: String = "Yes", key: String? = nil, confidence: Double? = 0.9) -> ScoreResultDraft {
        ScoreResultDraft(scorecard: "call-qa", score: "greeting", item: .externalId(item), value: value, confidence: confidence, idempotencyKey: key)
    }
}
