/// Draws a one-row legend: a swatch and a name per series; the swatch carries the series'
/// `series-N` class, so the stylesheet colours it like the data.
enum ChartLegend {
    /// How a series is drawn: as a line (a short stroke, `.legend-line`) or as bars (a small
    /// square, `.legend-bar`).
    enum Swatch {
        case line, bar
    }

    /// The vertical space a legend takes above the plot.
    static let height = 20.0
    /// Longer series names are cut with an ellipsis.
    static let maxCharacters = 24

    /// The legend for series called `names`, starting at `left` and centred on `y`.
    static func render(_ names: [String], swatch: Swatch, left: Double, y: Double) -> String {
        var x = left
        var items = ""
        for (index, name) in names.enumerated() {
            let series = "series-\(index)"
            let mark = switch swatch {
            case .line:
                SVG.element("line", [
                    "class": "legend-swatch legend-line \(series)", "x1": SVG.number(x), "y1": SVG.number(y),
                    "x2": SVG.number(x + 14), "y2": SVG.number(y),
                ])
            case .bar:
                SVG.element("rect", [
                    "class": "legend-swatch legend-bar \(series)", "x": SVG.number(x + 2), "y": SVG.number(y - 5), "width": "10", "height": "10",
                ])
            }
            let text = SVG.label(name, maxCharacters: maxCharacters, [
                "class": "legend-label", "x": SVG.number(x + 18), "y": SVG.number(y), "dominant-baseline": "central",
            ])
            items += SVG.element("g", ["class": "legend-item"], content: mark + text)
            x += 18 + Double(min(name.count, maxCharacters)) * SVG.characterWidth + 16
        }
        return SVG.element("g", ["class": "legend"], content: items)
    }
}
