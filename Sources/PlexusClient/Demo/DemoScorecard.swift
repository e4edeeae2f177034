import PlexusCore

/// The demo's scorecard: the same call-center QA scorecard as `examples/call-qa.json`.
enum DemoScorecard {
    static let key = "call-qa"

    static let draft = ScorecardDraft(
        key: key, name: "Call QA", description: "Quality assurance of customer-service calls.",
        sections: [
            .init(name: "Opening", scores: [
                ScoreDraft(key: "greeting", name: "Agent greeted the caller", classes: ["Yes", "No"], positiveClass: "Yes"),
                ScoreDraft(key: "identity-verified", name: "Agent verified the caller's identity", classes: ["Yes", "No"], positiveClass: "Yes"),
            ]),
            .init(name: "Resolution", scores: [
                ScoreDraft(key: "resolved", name: "Issue resolved on the call", classes: ["Yes", "No"], positiveClass: "Yes"),
                ScoreDraft(key: "sentiment", name: "Caller sentiment at the end", classes: ["positive", "neutral", "negative"]),
            ]),
        ])
}
