/// The arguments of `listExperiments`: an optional scorecard, and paging.
struct ListExperimentsArguments: Decodable, Sendable {
    /// Only experiments of this scorecard.
    let scorecardId: ID?
    let limit: Int?
    let nextToken: String?
}
