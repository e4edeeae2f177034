import PlexusCore

/// Turns account and scorecard keys into the records behind them (and so score keys into score
/// IDs), asking the server once per key and caching the answer for the client's lifetime.
///
/// Safe to use from many tasks at once. A cached scorecard is refreshed by
/// ``ScorecardsResource/get(key:)``; until then, scores added to it later are not seen.
struct KeyResolver: Sendable {
    let transport: APITransport
    let context: ClientContext
    private let accounts = LookupCache<Account>()
    private let scorecards = LookupCache<Scorecard>()

    init(transport: APITransport, context: ClientContext) {
        self.transport = transport
        self.context = context
    }

    /// The account whose ID or key is `idOrKey`.
    func account(_ idOrKey: String) async throws -> Account {
        let transport = self.transport
        return try await accounts.value(for: idOrKey) {
            await transport.stats.record { $0.lookups += 1 }
            return try await transport.send(.get("accounts", idOrKey, subject: ("account", idOrKey)))
        }
    }

    /// The scorecard whose ID or key is `idOrKey`, or the context's scorecard when `nil`.
    func scorecard(_ idOrKey: String?) async throws -> Scorecard {
        guard let idOrKey = idOrKey ?? context.scorecardKey else {
            throw PlexusClientError.missingContext("No scorecard given: pass scorecardKey, or set ClientContext.scorecardKey when creating the client.")
        }
        let transport = self.transport
        let scorecards = self.scorecards
        return try await scorecards.value(for: idOrKey) {
            await transport.stats.record { $0.lookups += 1 }
            let scorecard: Scorecard = try await transport.send(.get("scorecards", idOrKey, subject: ("scorecard", idOrKey)))
            await scorecards.store(scorecard, under: [scorecard.id.rawValue, scorecard.key])
            return scorecard
        }
    }

    /// Caches a scorecard just read from the server under its ID and key.
    func remember(_ scorecard: Scorecard) async {
        await scorecards.store(scorecard, under: [scorecard.id.rawValue, scorecard.key])
    }

    /// The scorecard and the score that `scoreKey` names in it. Without a key, the context's
    /// score; without that, the only score of a one-score scorecard, or else its first score when
    /// `defaultingToFirst` is set.
    func score(_ scoreKey: String?, in scorecardKey: String?, defaultingToFirst: Bool = false) async throws -> (Scorecard, Score) {
        let scorecard = try await scorecard(scorecardKey)
        let scores = scorecard.allScores
        if let key = scoreKey ?? context.scoreKey {
            guard let score = scorecard.score(key) else {
                throw PlexusClientError.unknownScore(key: key, scorecard: scorecard.key, scores: scores.map(\.key))
            }
            return (scorecard, score)
        }
        guard let first = scores.first, scores.count == 1 || defaultingToFirst else {
            throw PlexusClientError.scoreNotChosen(scorecard: scorecard.key, scores: scores.map(\.key))
        }
        return (scorecard, first)
    }
}
