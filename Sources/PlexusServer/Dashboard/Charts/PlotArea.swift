/// The rectangle of a chart, in SVG user units, where data is drawn (inside the axes).
public struct PlotArea: Sendable, Equatable {
    /// The x coordinate of the left edge.
    public let left: Double
    /// The y coordinate of the top edge.
    public let top: Double
    /// The width; at least 1.
    public let width: Double
    /// The height; at least 1.
    public let height: Double

    /// The plot area of a `width` × `height` chart after leaving the given margins.
    public init(width: Double, height: Double, left: Double, top: Double, right: Double, bottom: Double) {
        self.left = left
        self.top = top
        self.width = max(width - left - right, 1)
        self.height = max(height - top - bottom, 1)
    }

    /// The x coordinate of the right edge.
    public var right: Double { left + width }
    /// The y coordinate of the bottom edge.
    public var bottom: Double { top + height }

    /// The x coordinate of a value at `fraction` (0...1) of a horizontal scale.
    func x(_ fraction: Double) -> Double { left + fraction * width }

    /// The y coordinate of a value at `fraction` (0...1) of a vertical scale; 0 is the bottom.
    func y(_ fraction: Double) -> Double { bottom - fraction * height }
}
