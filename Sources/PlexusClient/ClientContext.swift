/// The account, scorecard and score that calls use when they do not name their own, as the
/// `PLEXUS_ACCOUNT_KEY` / `--scorecard-key` settings of the CLI do.
public struct ClientContext: Sendable, Hashable {
    /// The key of the account the API key belongs to, such as `default`; resolved to its ID on first use.
    public var accountKey: String?
    /// The key of the scorecard that results and experiments refer to by default.
    public var scorecardKey: String?
    /// The key of the score that results refer to by default; a scorecard with one score needs none.
    public var scoreKey: String?

    /// Creates a context; every part is optional.
    public init(accountKey: String? = nil, scorecardKey: String? = nil, scoreKey: String? = nil) {
        self.accountKey = accountKey
        self.scorecardKey = scorecardKey
        self.scoreKey = scoreKey
    }
}
