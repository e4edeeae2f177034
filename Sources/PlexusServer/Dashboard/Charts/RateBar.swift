/// A small horizontal bar showing a rate in a table cell, e.g. the bypass rate of a content type.
///
/// It is a track (`.rate-bar-track`) the full width and a fill (`.rate-bar-fill`) as wide as the
/// rate, clamped to 0...1, with a tooltip such as "Bypass rate: 12.5%". A non-finite rate (such
/// as 0/0 when nothing was seen) draws the empty track with the tooltip "No data yet".
public struct RateBar: Sendable {
    /// The rate, where 1 fills the bar.
    public var rate: Double
    /// What the rate measures, shown before it in the tooltip; none when empty.
    public var label: String
    /// The width of the bar in SVG user units.
    public var width: Double
    /// The height of the bar in SVG user units.
    public var height: Double

    /// A bar showing `rate`, described by `label` in its tooltip.
    public init(rate: Double, label: String = "", width: Double = 80, height: Double = 10) {
        self.rate = rate
        self.label = label
        self.width = width
        self.height = height
    }

    /// The bar as an `<svg>` element.
    public func render() -> String {
        let track = SVG.element("rect", ["class": "rate-bar-track", "width": SVG.number(width), "height": SVG.number(height)])
        guard rate.isFinite else {
            return SVG.document(width: width, height: height, classes: "rate-bar chart-empty", content: SVG.title(SVG.emptyMessage) + track)
        }
        let percent = SVG.number(rate * 100, decimals: 1) + "%"
        let fill = SVG.element("rect", [
            "class": "rate-bar-fill", "width": SVG.number(min(max(rate, 0), 1) * width), "height": SVG.number(height),
        ])
        let tooltip = SVG.title(label.isEmpty ? percent : "\(label): \(percent)")
        return SVG.document(width: width, height: height, classes: "rate-bar", content: tooltip + track + fill)
    }
}
