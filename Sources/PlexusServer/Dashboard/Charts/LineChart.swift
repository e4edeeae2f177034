/// A line chart of one or more series of (x, y) points, rendered as inline SVG.
///
/// Each series is a `<polyline>` plus a `<circle>` per point whose `<title>` tooltip reads
/// "x, y" (prefixed with the series name when there is more than one series, which also adds a
/// legend). Colours come from the stylesheet through the classes `line`, `point` and `series-N`.
public struct LineChart: Sendable {
    /// The lines to draw.
    public var series: [LineSeries]
    /// The title under the horizontal axis; none when empty.
    public var xTitle: String
    /// The title beside the vertical axis; none when empty.
    public var yTitle: String
    /// A fixed vertical domain, e.g. 0...1 for accuracy; values outside it are drawn at its edge.
    /// When nil the domain covers the data, negative values included.
    public var yDomain: ClosedRange<Double>?
    /// A fixed horizontal domain, e.g. exactly the hours that have data; when nil the domain
    /// covers the data, widened to whole ticks.
    public var xDomain: ClosedRange<Double>?
    /// About how many ticks the horizontal axis gets. Default 5.
    public var xTickCount = 5
    /// The width of the whole chart in SVG user units.
    public var width: Double
    /// The height of the whole chart in SVG user units.
    public var height: Double
    /// Formats horizontal tick labels and tooltip x values, e.g. an hour as "14:00"; when nil
    /// they are plain numbers.
    public var xLabel: (@Sendable (Double) -> String)?

    /// A line chart of `series`.
    public init(
        series: [LineSeries], xTitle: String = "", yTitle: String = "", yDomain: ClosedRange<Double>? = nil,
        xDomain: ClosedRange<Double>? = nil, width: Double = 640, height: Double = 320, xLabel: (@Sendable (Double) -> String)? = nil
    ) {
        self.series = series
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.yDomain = yDomain
        self.xDomain = xDomain
        self.width = width
        self.height = height
        self.xLabel = xLabel
    }

    /// Where the data is drawn: the corners of the scales' domains map to the corners of this area.
    public var plotArea: PlotArea {
        PlotArea(width: width, height: height, left: 56, top: hasLegend ? 16 + ChartLegend.height : 16, right: 20, bottom: 48)
    }

    /// The chart as an `<svg>` element, or a placeholder saying "No data yet" when no series has a point.
    public func render() -> String {
        let drawn = series.map { line in line.points.filter { $0.x.isFinite && $0.y.isFinite } }
        let all = drawn.joined()
        guard let first = all.first else { return SVG.placeholder(width: width, height: height, classes: "line-chart") }
        let xs = all.reduce(first.x...first.x) { min($0.lowerBound, $1.x)...max($0.upperBound, $1.x) }
        let ys = all.reduce(first.y...first.y) { min($0.lowerBound, $1.y)...max($0.upperBound, $1.y) }
        let xScale = xDomain.map { NiceScale(fixed: $0, targetTickCount: xTickCount) } ?? NiceScale(covering: xs, targetTickCount: xTickCount)
        let yScale = yDomain.map { NiceScale(fixed: $0) } ?? NiceScale(covering: ys)
        let plot = plotArea
        let formatX = xLabel ?? { SVG.number($0, decimals: 3) }

        var markup = ChartAxes.vertical(yScale, in: plot, title: yTitle)
        markup += ChartAxes.horizontal(xScale, in: plot, label: xLabel ?? xScale.label)
        markup += ChartAxes.horizontalTitle(xTitle, in: plot, y: height - 8)
        for (index, points) in drawn.enumerated() where !points.isEmpty {
            let coordinates = points.map { (plot.x(xScale.fraction(of: $0.x)), plot.y(yScale.fraction(of: $0.y))) }
            var lines = SVG.element("polyline", [
                "class": "line series-\(index)", "fill": "none",
                "points": coordinates.map { "\(SVG.number($0.0)),\(SVG.number($0.1))" }.joined(separator: " "),
            ])
            let prefix = hasLegend ? series[index].name + ": " : ""
            for (point, (x, y)) in zip(points, coordinates) {
                let tooltip = prefix + formatX(point.x) + ", " + SVG.number(point.y, decimals: 3)
                lines += SVG.element("circle", [
                    "class": "point series-\(index)", "cx": SVG.number(x), "cy": SVG.number(y), "r": "3",
                ], content: SVG.title(tooltip))
            }
            markup += SVG.element("g", ["class": "series"], content: lines)
        }
        if hasLegend {
            markup += ChartLegend.render(series.map(\.name), swatch: .line, left: plot.left, y: 16)
        }
        return SVG.document(width: width, height: height, classes: "line-chart", content: markup)
    }

    private var hasLegend: Bool { series.count > 1 }
}
