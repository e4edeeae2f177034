import Foundation

/// shap's beeswarm summary: a row per feature, a dot per explained row at its SHAP value, dots
/// that would overlap stacked around the row's line, and each dot coloured by where the row's
/// value of the feature lies among the rows' values (blue low, red high, grey missing).
struct BeeswarmChart: Sendable {
    /// One dot: the SHAP value, and the feature's value for that row (nil when missing).
    struct Dot: Sendable {
        var value: Double
        var feature: Double?
    }

    var features: [String]
    /// `dots[feature]`: one dot per explained row.
    var dots: [[Dot]]
    var title: String
    var width = 720.0

    /// The chart as an `<svg>` element, or a placeholder when there is no dot.
    func render() -> String {
        let values = dots.flatMap { $0.map(\.value) }.filter(\.isFinite)
        guard let low = values.min(), let high = values.max(), !features.isEmpty else {
            return SVG.placeholder(width: width, height: 120, classes: "beeswarm-chart")
        }
        let rows = FeatureRows(labels: features, covering: min(low, 0)...max(high, 0), width: width, top: 30)
        var markup = Self.legend(x: rows.plot.right - 270, y: 12) + rows.frame(title: title)
        for (row, featureDots) in dots.prefix(features.count).enumerated() {
            let known = featureDots.compactMap(\.feature).filter(\.isFinite)
            let lowest = known.min() ?? 0, span = (known.max() ?? 0) - lowest
            var filled: [Int: Int] = [:]
            for dot in featureDots where dot.value.isFinite {
                let x = rows.x(dot.value)
                // Dots within 3 units of each other share a column and stack outwards from the line.
                let column = Int((x / 3).rounded())
                let count = filled[column, default: 0]
                filled[column] = count + 1
                let offset = Double((count + 1) / 2) * (count.isMultiple(of: 2) ? 1 : -1) * 2.6
                let y = rows.y(row: row) + max(min(offset, FeatureRows.rowHeight * 0.42), -FeatureRows.rowHeight * 0.42)
                let colour = dot.feature.map { Self.colour(span > 0 ? ($0 - lowest) / span : 0.5) } ?? "#9aa5b4"
                let shown = dot.feature.map { SVG.number($0, decimals: 4) } ?? "missing"
                markup += SVG.element("circle", ["class": "dot", "cx": SVG.number(x), "cy": SVG.number(y), "r": "2.6", "fill": colour],
                                      content: SVG.title("\(features[row]) = \(shown): \(SVG.number(dot.value, decimals: 4))"))
            }
        }
        return SVG.document(width: width, height: rows.height, classes: "beeswarm-chart", content: markup)
    }

    /// Blue (#1e88e5) at 0 to red (#ff0d57) at 1, as shap colours feature values.
    static func colour(_ fraction: Double) -> String {
        let t = max(0, min(1, fraction.isFinite ? fraction : 0.5))
        let (red, green, blue) = (30 + t * (255 - 30), 136 + t * (13 - 136), 229 + t * (87 - 229))
        return "#" + [red, green, blue].map { String(format: "%02x", Int($0.rounded())) }.joined()
    }

    /// The colour key: a low-to-high gradient of the feature value.
    private static func legend(x: Double, y: Double) -> String {
        let stops = stride(from: 0.0, through: 1.0, by: 0.1).map { fraction in
            SVG.element("rect", ["x": SVG.number(x + 40 + fraction * 100), "y": SVG.number(y - 5), "width": "11", "height": "10", "fill": colour(fraction)])
        }.joined()
        return SVG.element("g", ["class": "colour-key"], content: SVG.element("text", ["x": SVG.number(x + 34), "y": SVG.number(y), "text-anchor": "end", "dominant-baseline": "central"], content: "low")
            + stops + SVG.element("text", ["x": SVG.number(x + 156), "y": SVG.number(y), "dominant-baseline": "central"], content: "high feature value"))
    }
}
