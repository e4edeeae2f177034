/// One point of a line chart's series.
public struct ChartPoint: Sendable, Equatable {
    /// The horizontal value, e.g. the number of items processed so far.
    public var x: Double
    /// The vertical value, e.g. the accuracy at that point.
    public var y: Double

    /// A point at (`x`, `y`).
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
