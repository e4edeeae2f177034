/// A scatter plot with numeric axes, such as a dependence plot: a feature's value across and its
/// SHAP value up, a dot per row. Each dot's `<title>` gives both numbers.
struct ScatterChart: Sendable {
    var points: [(x: Double, y: Double)]
    var xTitle: String
    var yTitle: String
    var width = 720.0
    var height = 340.0

    /// The chart as an `<svg>` element, or a placeholder when there is no finite point.
    func render() -> String {
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        guard let xLow = finite.map(\.x).min(), let xHigh = finite.map(\.x).max(), let yLow = finite.map(\.y).min(), let yHigh = finite.map(\.y).max() else {
            return SVG.placeholder(width: width, height: height, classes: "scatter-chart")
        }
        let plot = PlotArea(width: width, height: height, left: 64, top: 16, right: 24, bottom: 48)
        let across = NiceScale(covering: xLow...xHigh), up = NiceScale(covering: min(yLow, 0)...max(yHigh, 0))
        var markup = ChartAxes.vertical(up, in: plot, title: yTitle) + ChartAxes.horizontal(across, in: plot) { across.label($0) }
        let zero = SVG.number(plot.y(up.fraction(of: 0)))
        markup += SVG.element("line", ["class": "zero", "x1": SVG.number(plot.left), "y1": zero, "x2": SVG.number(plot.right), "y2": zero])
        for point in finite {
            markup += SVG.element("circle", [
                "class": "dot series-0", "cx": SVG.number(plot.x(across.fraction(of: point.x))), "cy": SVG.number(plot.y(up.fraction(of: point.y))), "r": "3",
            ], content: SVG.title("\(xTitle) \(SVG.number(point.x, decimals: 4)): \(SVG.number(point.y, decimals: 4))"))
        }
        markup += ChartAxes.horizontalTitle(xTitle, in: plot, y: height - 8)
        return SVG.document(width: width, height: height, classes: "scatter-chart", content: markup)
    }
}
