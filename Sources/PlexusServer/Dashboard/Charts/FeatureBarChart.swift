/// Horizontal bars of one number per feature, largest first, such as the mean |SHAP value| of
/// each feature over a set of rows (a global importance). Each bar's `<title>` gives the value.
struct FeatureBarChart: Sendable {
    var features: [String]
    var values: [Double]
    var title: String
    var width = 720.0

    /// The chart as an `<svg>` element, or a placeholder when there is no value.
    func render() -> String {
        let order = values.indices.filter { values[$0].isFinite && $0 < features.count }.sorted { values[$0] > values[$1] }
        guard let largest = order.first.map({ values[$0] }) else { return SVG.placeholder(width: width, height: 120, classes: "feature-bar-chart") }
        let rows = FeatureRows(labels: order.map { features[$0] }, covering: min(0, values[order.last!])...max(largest, 0), width: width)
        var markup = rows.frame(title: title)
        for (row, index) in order.enumerated() {
            let value = values[index], start = rows.x(0), end = rows.x(value)
            markup += SVG.element("rect", [
                "class": "bar series-0", "x": SVG.number(min(start, end)), "y": SVG.number(rows.y(row: row) - 8),
                "width": SVG.number(abs(end - start)), "height": "16",
            ], content: SVG.title("\(features[index]): \(SVG.number(value, decimals: 4))"))
            markup += SVG.element("text", ["class": "bar-value", "x": SVG.number(max(start, end) + 4), "y": SVG.number(rows.y(row: row)), "dominant-baseline": "central"],
                                  content: SVG.number(value, decimals: 3))
        }
        return SVG.document(width: width, height: rows.height, classes: "feature-bar-chart", content: markup)
    }
}
