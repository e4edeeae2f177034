/// One named line of a ``LineChart``.
public struct LineSeries: Sendable, Equatable {
    /// The name shown in the legend and tooltips.
    public var name: String
    /// The points, drawn in the given order; points with a non-finite coordinate are skipped.
    public var points: [ChartPoint]

    /// A series called `name` through `points`.
    public init(name: String, points: [ChartPoint]) {
        self.name = name
        self.points = points
    }
}
