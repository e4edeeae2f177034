/// A grouped bar chart, rendered as inline SVG: a group per category and a bar per series in it,
/// e.g. precision and recall per class label.
///
/// Each bar is a `<rect class="bar series-N">` whose `<title>` reads "category · series: value".
/// Bars rise from zero (or from the nearest edge of a fixed domain that excludes zero), so
/// negative values hang below it.
public struct BarChart: Sendable {
    /// The labels of the groups, left to right.
    public var categories: [String]
    /// The series; each holds one value per category.
    public var series: [BarSeries]
    /// The title under the categories; none when empty.
    public var xTitle: String
    /// The title beside the vertical axis; none when empty.
    public var yTitle: String
    /// A fixed vertical domain, e.g. 0...1 for rates; when nil it covers zero and every value.
    public var yDomain: ClosedRange<Double>?
    /// The width of the whole chart in SVG user units.
    public var width: Double
    /// The height of the whole chart in SVG user units.
    public var height: Double

    /// A bar chart of `series` over `categories`.
    public init(
        categories: [String], series: [BarSeries], xTitle: String = "", yTitle: String = "",
        yDomain: ClosedRange<Double>? = nil, width: Double = 640, height: Double = 320
    ) {
        self.categories = categories
        self.series = series
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.yDomain = yDomain
        self.width = width
        self.height = height
    }

    /// Where the bars are drawn, below the legend and inside the axes.
    public var plotArea: PlotArea {
        PlotArea(width: width, height: height, left: 56, top: 16 + ChartLegend.height, right: 20, bottom: 48)
    }

    /// The chart as an `<svg>` element, or a placeholder saying "No data yet" when there is no bar to draw.
    public func render() -> String {
        let values = series.flatMap { $0.values.prefix(categories.count) }.filter(\.isFinite)
        guard let low = values.min(), let high = values.max() else {
            return SVG.placeholder(width: width, height: height, classes: "bar-chart")
        }
        let scale = yDomain.map { NiceScale(fixed: $0) } ?? NiceScale(covering: min(0, low)...max(0, high))
        let plot = plotArea
        let baseline = plot.y(scale.fraction(of: 0))
        let group = plot.width / Double(categories.count)
        let barWidth = group * 0.8 / Double(series.count)

        var markup = ChartAxes.vertical(scale, in: plot, title: yTitle)
        markup += SVG.element("line", [
            "class": "axis", "x1": SVG.number(plot.left), "y1": SVG.number(plot.bottom), "x2": SVG.number(plot.right), "y2": SVG.number(plot.bottom),
        ])
        for (column, category) in categories.enumerated() {
            let start = plot.left + Double(column) * group
            var bars = ""
            for (index, line) in series.enumerated() where column < line.values.count && line.values[column].isFinite {
                let value = line.values[column]
                let top = plot.y(scale.fraction(of: value))
                bars += SVG.element("rect", [
                    "class": "bar series-\(index)", "x": SVG.number(start + group * 0.1 + Double(index) * barWidth),
                    "y": SVG.number(min(top, baseline)), "width": SVG.number(barWidth), "height": SVG.number(abs(baseline - top)),
                ], content: SVG.title("\(category) · \(line.name): \(SVG.number(value, decimals: 3))"))
            }
            bars += SVG.label(category, maxCharacters: max(Int(group / SVG.characterWidth), 3), [
                "class": "category-label", "x": SVG.number(start + group / 2), "y": SVG.number(plot.bottom + 18), "text-anchor": "middle",
            ])
            markup += SVG.element("g", ["class": "category"], content: bars)
        }
        markup += ChartAxes.horizontalTitle(xTitle, in: plot, y: height - 8)
        markup += ChartLegend.render(series.map(\.name), swatch: .bar, left: plot.left, y: 16)
        return SVG.document(width: width, height: height, classes: "bar-chart", content: markup)
    }
}
