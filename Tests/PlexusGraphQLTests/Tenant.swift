import Foundation
import PlexusCore
import PlexusStore

/// An account with the `call-qa` scorecard, and the principals that act for it.
struct Tenant {
    let account: Account
    let scorecard: Scorecard

    /// A non-admin key of the account.
    var principal: Principal { Principal(accountID: account.id, isAdmin: false) }

    /// An admin key of the account.
    var admin: Principal { Principal(accountID: account.id, isAdmin: true) }

    /// The ID of one of the scorecard's scores.
    func scoreID(_ key: String) -> String { scorecard.score(key)!.id.rawValue }

    /// Creates an account with a unique key and the `call-qa` scorecard.
    static func make(_ store: SQLStore) async throws -> Tenant {
        let account = try await store.createAccount(key: "acct-\(UUID().uuidString.prefix(8))", name: "Test account")
        let scorecard = try await store.createScorecard(scorecardDraft, accountID: account.id)
        return Tenant(account: account, scorecard: scorecard)
    }

    private static let scorecardDraft = ScorecardDraft(key: "call-qa", name: "Call QA", description: "Quality of calls", sections: [
        .init(name: "Opening", scores: [ScoreDraft(key: "greeting", name: "Greeting")]),
        .init(name: "Resolution", scores: [ScoreDraft(key: "resolved", classes: ["Yes", "No"], positiveClass: "Yes")]),
    ])
}
