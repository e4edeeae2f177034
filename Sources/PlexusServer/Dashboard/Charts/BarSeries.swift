/// One named set of bars of a ``BarChart``, one value per category.
public struct BarSeries: Sendable, Equatable {
    /// The name shown in the legend and tooltips, e.g. "Precision".
    public var name: String
    /// The values in the order of the chart's categories; a missing or non-finite value draws no bar.
    public var values: [Double]

    /// A series called `name` with `values` in category order.
    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}
