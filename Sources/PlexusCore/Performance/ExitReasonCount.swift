/// How often one exit reason occurred at a checkpoint.
public struct ExitReasonCount: Sendable, Hashable, Codable {
    /// The reason, as the pipeline sent it.
    public var reason: String
    /// Early exits with that reason.
    public var count: Int

    /// Creates a count.
    public init(reason: String, count: Int) {
        self.reason = reason
        self.count = count
    }
}
