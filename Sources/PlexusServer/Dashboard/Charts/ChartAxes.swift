/// Draws the axes of the charts that have a numeric scale: grid lines, ticks, labels and titles.
enum ChartAxes {
    /// The vertical value axis at the plot's left: a grid line and a label per tick, and `title`
    /// turned to read upwards.
    static func vertical(_ scale: NiceScale, in plot: PlotArea, title: String) -> String {
        var markup = ""
        for tick in scale.ticks {
            let y = SVG.number(plot.y(scale.fraction(of: tick)))
            markup += SVG.element("line", ["class": "grid", "x1": SVG.number(plot.left), "y1": y, "x2": SVG.number(plot.right), "y2": y])
            markup += SVG.element("text", [
                "class": "tick-label", "x": SVG.number(plot.left - 8), "y": y, "text-anchor": "end", "dominant-baseline": "central",
            ], content: SVG.escape(scale.label(tick)))
        }
        markup += SVG.element("line", [
            "class": "axis", "x1": SVG.number(plot.left), "y1": SVG.number(plot.top), "x2": SVG.number(plot.left), "y2": SVG.number(plot.bottom),
        ])
        if !title.isEmpty {
            let x = SVG.number(14), y = SVG.number(plot.top + plot.height / 2)
            markup += SVG.label(title, maxCharacters: Int(plot.height / SVG.characterWidth), [
                "class": "axis-title", "x": x, "y": y, "text-anchor": "middle", "dominant-baseline": "central",
                "transform": "rotate(-90 \(x) \(y))",
            ])
        }
        return SVG.element("g", ["class": "axis y-axis"], content: markup)
    }

    /// The horizontal value axis along the plot's bottom: a tick mark and a label per tick.
    static func horizontal(_ scale: NiceScale, in plot: PlotArea, label: (Double) -> String) -> String {
        let spacing = plot.width / Double(max(scale.ticks.count - 1, 1))
        var markup = SVG.element("line", [
            "class": "axis", "x1": SVG.number(plot.left), "y1": SVG.number(plot.bottom), "x2": SVG.number(plot.right), "y2": SVG.number(plot.bottom),
        ])
        for tick in scale.ticks {
            let x = SVG.number(plot.x(scale.fraction(of: tick)))
            markup += SVG.element("line", ["class": "tick", "x1": x, "y1": SVG.number(plot.bottom), "x2": x, "y2": SVG.number(plot.bottom + 5)])
            markup += SVG.label(label(tick), maxCharacters: Int(spacing / SVG.characterWidth), [
                "class": "tick-label", "x": x, "y": SVG.number(plot.bottom + 18), "text-anchor": "middle",
            ])
        }
        return SVG.element("g", ["class": "axis x-axis"], content: markup)
    }

    /// The title of a horizontal axis, centred under the plot with its baseline at `y`.
    static func horizontalTitle(_ title: String, in plot: PlotArea, y: Double) -> String {
        guard !title.isEmpty else { return "" }
        return SVG.label(title, maxCharacters: Int(plot.width / SVG.characterWidth), [
            "class": "axis-title", "x": SVG.number(plot.left + plot.width / 2), "y": SVG.number(y), "text-anchor": "middle",
        ])
    }
}
