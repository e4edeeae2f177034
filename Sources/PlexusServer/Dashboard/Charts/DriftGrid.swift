/// A grid of drift verdicts drawn as inline SVG: a row per column, a column per run (oldest
/// left), each cell coloured by its verdict (`drift-cell drifted` or `drift-cell steady`) with an
/// opacity that grows as the score nears and passes its threshold: score ÷ threshold for a
/// distance, threshold ÷ score for a p-value, capped at 1. Each cell's `<title>` reads
/// "column · run: method score (threshold t)".
public struct DriftGrid: Sendable {
    /// One cell: a column's verdict in one run.
    public struct Cell: Sendable, Equatable {
        /// The test's score, its threshold, whether the score is a p-value, and the verdict.
        public let score: Double, threshold: Double, scoreIsPValue: Bool, drifted: Bool
        /// The test's name.
        public let method: String

        /// A cell of a verdict.
        public init(score: Double, threshold: Double, scoreIsPValue: Bool, drifted: Bool, method: String) {
            self.score = score
            self.threshold = threshold
            self.scoreIsPValue = scoreIsPValue
            self.drifted = drifted
            self.method = method
        }

        /// How close the score is to drift, 0–1.
        var intensity: Double {
            let ratio = scoreIsPValue ? threshold / max(score, 1e-300) : score / max(threshold, 1e-300)
            return min(1, max(0.08, ratio.isFinite ? ratio : 1))
        }
    }

    /// The data columns, top to bottom.
    public var rowLabels: [String]
    /// The runs, left to right.
    public var columnLabels: [String]
    /// `cells[row][column]`, nil where the run did not compare that column.
    public var cells: [[Cell?]]
    /// The side of a cell in SVG user units.
    public var cellSize = 22.0

    private static let leftMargin = 130.0, topMargin = 8.0, bottomMargin = 70.0

    /// A grid of `cells`.
    public init(rowLabels: [String], columnLabels: [String], cells: [[Cell?]]) {
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.cells = cells
    }

    /// The grid as an `<svg>` element, or a placeholder when there is nothing to draw.
    public func render() -> String {
        guard !rowLabels.isEmpty, !columnLabels.isEmpty else { return SVG.placeholder(width: 640, height: 160, classes: "drift-grid") }
        let width = Self.leftMargin + Double(columnLabels.count) * cellSize + 16
        let height = Self.topMargin + Double(rowLabels.count) * cellSize + Self.bottomMargin
        var parts: [String] = []
        for (row, label) in rowLabels.enumerated() {
            let y = Self.topMargin + Double(row) * cellSize
            parts.append("<text x=\"\(SVG.number(Self.leftMargin - 6))\" y=\"\(SVG.number(y + cellSize * 0.65))\" text-anchor=\"end\">\(SVG.escape(String(label.prefix(18))))</text>")
            for (column, run) in columnLabels.enumerated() {
                guard row < cells.count, column < cells[row].count, let cell = cells[row][column] else { continue }
                let x = Self.leftMargin + Double(column) * cellSize
                let title = SVG.title("\(label) · \(run): \(cell.method) \(SVG.number(cell.score, decimals: 4)) (threshold \(SVG.number(cell.threshold, decimals: 3)))")
                parts.append("<rect class=\"drift-cell \(cell.drifted ? "drifted" : "steady")\" x=\"\(SVG.number(x + 1))\" y=\"\(SVG.number(y + 1))\" width=\"\(SVG.number(cellSize - 2))\" height=\"\(SVG.number(cellSize - 2))\" fill-opacity=\"\(SVG.number(cell.intensity, decimals: 2))\">\(title)</rect>")
            }
        }
        let gridBottom = Self.topMargin + Double(rowLabels.count) * cellSize
        for (column, run) in columnLabels.enumerated() where column % max(1, columnLabels.count / 12) == 0 {
            let x = Self.leftMargin + (Double(column) + 0.5) * cellSize
            parts.append("<text transform=\"translate(\(SVG.number(x)),\(SVG.number(gridBottom + 8))) rotate(50)\">\(SVG.escape(run))</text>")
        }
        return SVG.document(width: width, height: height, classes: "drift-grid", content: parts.joined())
    }
}
