/// The layout the explanation charts share: one row per feature, labelled at the left, over a
/// horizontal value scale with its axis below (as shap draws its bar, beeswarm and waterfall plots).
struct FeatureRows: Sendable {
    /// Height of one feature's row.
    static let rowHeight = 24.0
    /// Width of the label column at the left.
    static let labelWidth = 190.0

    let labels: [String]
    let scale: NiceScale
    let plot: PlotArea

    /// Rows for `labels` over `domain`, `width` wide, with room above for `top`.
    init(labels: [String], covering domain: ClosedRange<Double>, width: Double, top: Double = 10) {
        self.labels = labels
        scale = NiceScale(covering: domain)
        plot = PlotArea(width: width, height: top + Double(labels.count) * Self.rowHeight + 46,
                        left: Self.labelWidth, top: top, right: 24, bottom: 46)
    }

    /// The chart's full height.
    var height: Double { plot.bottom + 46 }

    /// The x coordinate of `value`.
    func x(_ value: Double) -> Double { plot.x(scale.fraction(of: value)) }

    /// The y coordinate of the middle of row `index`, counted from the top.
    func y(row index: Int) -> Double { plot.top + (Double(index) + 0.5) * Self.rowHeight }

    /// Each row's label and light guide line, the value axis with `title`, and a line at zero.
    func frame(title: String) -> String {
        var markup = ""
        for (index, label) in labels.enumerated() {
            let y = SVG.number(y(row: index))
            markup += SVG.element("line", ["class": "grid", "x1": SVG.number(plot.left), "y1": y, "x2": SVG.number(plot.right), "y2": y])
            markup += SVG.label(label, maxCharacters: Int((Self.labelWidth - 12) / SVG.characterWidth), [
                "class": "feature-label", "x": SVG.number(plot.left - 8), "y": y, "text-anchor": "end", "dominant-baseline": "central",
            ])
        }
        if scale.lower < 0, scale.upper > 0 {
            let zero = SVG.number(x(0))
            markup += SVG.element("line", ["class": "zero", "x1": zero, "y1": SVG.number(plot.top), "x2": zero, "y2": SVG.number(plot.bottom)])
        }
        markup += ChartAxes.horizontal(scale, in: plot) { scale.label($0) }
        markup += ChartAxes.horizontalTitle(title, in: plot, y: plot.bottom + 40)
        return markup
    }
}
