/// shap's waterfall for one row: from the base value (the expected output over the background)
/// at the bottom, each feature's contribution as a bar that moves the running total, largest at
/// the top, ending at the row's output. Red bars push the output up, blue ones down; features
/// beyond the first `shown` are summed into one bar.
struct WaterfallChart: Sendable {
    /// One contribution: the feature as labelled (`age = 41`) and its value.
    struct Step: Sendable {
        var label: String
        var value: Double
    }

    var base: Double
    var steps: [Step]
    var title: String
    var shown = 12
    var width = 720.0

    /// The bars, largest |value| first, with the smallest summed as "N other features".
    var bars: [Step] {
        let ordered = steps.filter(\.value.isFinite).sorted { abs($0.value) > abs($1.value) }
        guard ordered.count > shown else { return ordered }
        let rest = ordered.dropFirst(shown - 1)
        return Array(ordered.prefix(shown - 1)) + [Step(label: "\(rest.count) other features", value: rest.reduce(0) { $0 + $1.value })]
    }

    /// The chart as an `<svg>` element, or a placeholder when there is no contribution.
    func render() -> String {
        let bars = bars
        guard !bars.isEmpty, base.isFinite else { return SVG.placeholder(width: width, height: 120, classes: "waterfall-chart") }
        // Running totals from the bottom bar (the smallest) up to the top one.
        var ends: [Double] = Array(repeating: 0, count: bars.count)
        var total = base
        for index in bars.indices.reversed() {
            total += bars[index].value
            ends[index] = total
        }
        let starts = bars.indices.map { ends[$0] - bars[$0].value }
        let points = starts + ends + [base]
        let rows = FeatureRows(labels: bars.map(\.label), covering: points.min()!...points.max()!, width: width, top: 26)
        var markup = rows.frame(title: title)
        for (index, bar) in bars.enumerated() {
            let from = rows.x(starts[index]), to = rows.x(ends[index]), y = rows.y(row: index)
            markup += SVG.element("rect", [
                "class": bar.value >= 0 ? "bar positive" : "bar negative", "x": SVG.number(min(from, to)), "y": SVG.number(y - 8),
                "width": SVG.number(max(abs(to - from), 1)), "height": "16",
            ], content: SVG.title("\(bar.label): \(bar.value >= 0 ? "+" : "")\(SVG.number(bar.value, decimals: 4))"))
            let outside = bar.value >= 0 ? max(from, to) + 4 : min(from, to) - 4
            markup += SVG.element("text", [
                "class": "bar-value", "x": SVG.number(outside), "y": SVG.number(y), "dominant-baseline": "central",
                "text-anchor": bar.value >= 0 ? "start" : "end",
            ], content: (bar.value >= 0 ? "+" : "") + SVG.number(bar.value, decimals: 3))
        }
        markup += marker(rows, at: base, y: rows.plot.bottom, label: "E[f(x)] = \(SVG.number(base, decimals: 3))", below: true)
        markup += marker(rows, at: total, y: rows.plot.top, label: "f(x) = \(SVG.number(total, decimals: 3))", below: false)
        return SVG.document(width: width, height: rows.height, classes: "waterfall-chart", content: markup)
    }

    /// A dashed line at `value` across the plot, labelled above the top or on the axis below.
    private func marker(_ rows: FeatureRows, at value: Double, y: Double, label: String, below: Bool) -> String {
        let x = SVG.number(rows.x(value))
        return SVG.element("g", ["class": below ? "base-marker" : "output-marker"], content:
            SVG.element("line", ["class": "marker", "x1": x, "y1": SVG.number(rows.plot.top), "x2": x, "y2": SVG.number(rows.plot.bottom)])
            + SVG.element("text", ["class": "marker-label", "x": x, "y": SVG.number(below ? y + 30 : y - 8), "text-anchor": "middle"], content: SVG.escape(label)))
    }
}
