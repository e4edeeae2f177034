/// How far a simulation has got, reported after each result.
public struct SimulationProgress: Sendable, Hashable {
    /// Results recorded so far.
    public var processed: Int
    /// Results to record in all.
    public var total: Int
    /// The accuracy of the results so far.
    public var accuracy: Double

    /// Creates a progress report.
    public init(processed: Int, total: Int, accuracy: Double) {
        self.processed = processed
        self.total = total
        self.accuracy = accuracy
    }

    /// The fraction done, from 0 to 1.
    public var fraction: Double { total == 0 ? 1 : Double(processed) / Double(total) }
}
