/// A confusion matrix drawn as a heatmap in inline SVG: a row per actual class, a column per
/// predicted class, and the count printed in each cell.
///
/// A cell's `fill-opacity` is its count divided by the largest count, so the stylesheet picks the
/// hue (`.heatmap-cell`) and the data only its intensity; counts on cells above half intensity
/// get the extra class `strong` so they can be drawn in a contrasting colour. Each cell's
/// `<title>` reads "actual X → predicted Y: N (p%)", p being the share of row X.
public struct Heatmap: Sendable {
    /// The actual classes, top to bottom.
    public var rowLabels: [String]
    /// The predicted classes, left to right.
    public var columnLabels: [String]
    /// `counts[row][column]`; missing counts are 0, extra ones are ignored, negative ones count as 0.
    public var counts: [[Int]]
    /// The side of one square cell in SVG user units.
    public var cellSize: Double

    /// Room for row labels and the "Actual" title left of the grid.
    static let leftMargin = 124.0
    /// Room above the grid.
    static let topMargin = 16.0
    /// Room for the slanted column labels and the "Predicted" title below the grid.
    static let bottomMargin = 104.0
    /// Labels longer than this are cut with an ellipsis.
    static let maxLabelCharacters = 14

    /// A heatmap of `counts` with actual classes `rowLabels` and predicted classes `columnLabels`.
    public init(rowLabels: [String], columnLabels: [String], counts: [[Int]], cellSize: Double = 44) {
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.counts = counts
        self.cellSize = cellSize
    }

    /// The width of the whole chart in SVG user units.
    public var width: Double { Self.leftMargin + Double(columnLabels.count) * cellSize + 16 }
    /// The height of the whole chart in SVG user units.
    public var height: Double { Self.topMargin + Double(rowLabels.count) * cellSize + Self.bottomMargin }

    /// The count drawn at `row`, `column`: as given, with missing and negative counts as 0.
    public func count(row: Int, column: Int) -> Int {
        guard row < counts.count, column < counts[row].count else { return 0 }
        return max(counts[row][column], 0)
    }

    /// The heatmap as an `<svg>` element, or a placeholder saying "No data yet" when it has no rows or columns.
    public func render() -> String {
        guard !rowLabels.isEmpty, !columnLabels.isEmpty else {
            return SVG.placeholder(width: 240, height: 120, classes: "heatmap")
        }
        let rows = rowLabels.indices, columns = columnLabels.indices
        let largest = rows.flatMap { row in columns.map { count(row: row, column: $0) } }.max() ?? 0
        let gridBottom = Self.topMargin + Double(rowLabels.count) * cellSize
        var markup = ""
        for (row, actual) in rowLabels.enumerated() {
            let rowTotal = columns.reduce(0) { $0 + count(row: row, column: $1) }
            let y = Self.topMargin + Double(row) * cellSize
            for (column, predicted) in columnLabels.enumerated() {
                let value = count(row: row, column: column)
                let intensity = largest == 0 ? 0 : Double(value) / Double(largest)
                let share = rowTotal == 0 ? 0 : Double(value) / Double(rowTotal) * 100
                let x = Self.leftMargin + Double(column) * cellSize
                let cell = SVG.title("actual \(actual) → predicted \(predicted): \(value) (\(SVG.number(share, decimals: 1))%)")
                    + SVG.element("rect", [
                        "class": "heatmap-cell", "x": SVG.number(x), "y": SVG.number(y), "width": SVG.number(cellSize),
                        "height": SVG.number(cellSize), "fill-opacity": SVG.number(intensity, decimals: 3),
                    ])
                    + SVG.element("text", [
                        "class": intensity > 0.5 ? "heatmap-count strong" : "heatmap-count", "x": SVG.number(x + cellSize / 2),
                        "y": SVG.number(y + cellSize / 2), "text-anchor": "middle", "dominant-baseline": "central",
                    ], content: String(value))
                markup += SVG.element("g", ["class": "cell"], content: cell)
            }
            markup += SVG.label(actual, maxCharacters: Self.maxLabelCharacters, [
                "class": "row-label", "x": SVG.number(Self.leftMargin - 6), "y": SVG.number(y + cellSize / 2),
                "text-anchor": "end", "dominant-baseline": "central",
            ])
        }
        for (column, predicted) in columnLabels.enumerated() {
            let x = SVG.number(Self.leftMargin + (Double(column) + 0.5) * cellSize), y = SVG.number(gridBottom + 14)
            markup += SVG.label(predicted, maxCharacters: Self.maxLabelCharacters, [
                "class": "column-label", "x": x, "y": y, "text-anchor": "end", "transform": "rotate(-40 \(x) \(y))",
            ])
        }
        let gridMiddle = SVG.number(Self.topMargin + Double(rowLabels.count) * cellSize / 2)
        markup += SVG.element("text", [
            "class": "axis-title", "x": "14", "y": gridMiddle, "text-anchor": "middle", "dominant-baseline": "central",
            "transform": "rotate(-90 14 \(gridMiddle))",
        ], content: "Actual")
        markup += SVG.element("text", [
            "class": "axis-title", "x": SVG.number(Self.leftMargin + Double(columnLabels.count) * cellSize / 2),
            "y": SVG.number(height - 8), "text-anchor": "middle",
        ], content: "Predicted")
        return SVG.document(width: width, height: height, classes: "heatmap", content: markup)
    }
}
