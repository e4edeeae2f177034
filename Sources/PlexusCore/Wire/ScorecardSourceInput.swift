/// The body of `POST /api/v1/scorecards/versions`: a scorecard's YAML source.
public struct ScorecardSourceInput: Sendable, Codable, Hashable {
    /// The YAML text, stored verbatim once it parses.
    public var source: String

    /// Creates an input.
    public init(source: String) {
        self.source = source
    }
}
