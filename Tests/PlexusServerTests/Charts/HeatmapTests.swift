import PlexusServer
import Testing

extension Charts {
    @Suite("Confusion matrix heatmap")
    struct HeatmapTests {
        @Test("A 2×2 matrix has four cells showing their counts, row by row")
        func cells() throws {
            let cells = try ParsedSVG.parse(matrix().render()).all("g", class: "cell")
            #expect(cells.count == 4)
            #expect(cells.map { $0.all("text").first?.text } == ["5", "1", "2", "8"])
        }

        @Test("Cells are laid out as a grid: rows go down, columns go right")
        func layout() throws {
            let heatmap = matrix()
            let rects = try ParsedSVG.parse(heatmap.render()).all("rect", class: "heatmap-cell")
            let xs = rects.map { $0.number("x")! }, ys = rects.map { $0.number("y")! }
            #expect(xs[0] == xs[2] && xs[1] == xs[3] && xs[1] - xs[0] == heatmap.cellSize)
            #expect(ys[0] == ys[1] && ys[2] == ys[3] && ys[2] - ys[0] == heatmap.cellSize)
            #expect(rects.allSatisfy { $0.number("width") == heatmap.cellSize && $0.number("height") == heatmap.cellSize })
        }

        @Test("Intensity is count over the largest count, so the largest count is the darkest cell")
        func intensity() throws {
            let svg = try ParsedSVG.parse(matrix().render())
            let opacities = svg.all("rect", class: "heatmap-cell").map { $0.number("fill-opacity")! }
            #expect(opacities == [0.625, 0.125, 0.25, 1])
            #expect(svg.all("text", class: "strong").map(\.text) == ["5", "8"])
        }

        @Test("Each cell's title gives actual, predicted, count and share of the row")
        func tooltips() throws {
            let titles = try ParsedSVG.parse(matrix().render()).all("g", class: "cell").map(\.title)
            #expect(titles == [
                "actual Yes → predicted Yes: 5 (83.3%)", "actual Yes → predicted No: 1 (16.7%)",
                "actual No → predicted Yes: 2 (20%)", "actual No → predicted No: 8 (80%)",
            ])
        }

        @Test("Rows and columns are labelled and the axes titled Actual and Predicted")
        func labels() throws {
            let svg = try ParsedSVG.parse(matrix().render())
            #expect(svg.all("text", class: "row-label").map(\.text) == ["Yes", "No"])
            #expect(svg.all("text", class: "column-label").map(\.text) == ["Yes", "No"])
            #expect(svg.all("text", class: "axis-title").map(\.text) == ["Actual", "Predicted"])
        }

        @Test("All-zero counts draw transparent cells and 0% shares, without NaN")
        func allZero() throws {
            let svg = try ParsedSVG.parse(Heatmap(rowLabels: ["a", "b"], columnLabels: ["a", "b"], counts: [[0, 0], [0, 0]]).render())
            #expect(svg.hasFiniteGeometry)
            #expect(svg.all("rect", class: "heatmap-cell").map { $0.number("fill-opacity") } == [0, 0, 0, 0])
            #expect(svg.all("g", class: "cell").first?.title == "actual a → predicted a: 0 (0%)")
        }

        @Test("Missing and negative counts are drawn as 0; extra counts are ignored")
        func irregularCounts() throws {
            let heatmap = Heatmap(rowLabels: ["a", "b"], columnLabels: ["x", "y"], counts: [[3, -1, 9], []])
            let svg = try ParsedSVG.parse(heatmap.render())
            #expect(svg.all("g", class: "cell").map { $0.all("text").first?.text } == ["3", "0", "0", "0"])
            #expect(svg.all("rect", class: "heatmap-cell").first?.number("fill-opacity") == 1)
        }

        @Test("No rows or no columns show No data yet", arguments: [
            Heatmap(rowLabels: [], columnLabels: ["x"], counts: []),
            Heatmap(rowLabels: ["a"], columnLabels: [], counts: [[1]]),
        ])
        func placeholder(heatmap: Heatmap) throws {
            let svg = try ParsedSVG.parse(heatmap.render())
            #expect(svg.classes.contains("chart-empty") && svg.all("text").map(\.text) == ["No data yet"])
        }

        @Test("Labels are escaped, and long ones cut with an ellipsis and the full label in a title")
        func labelText() throws {
            let odd = #"<b>&""#, long = "Escalated to a supervisor"
            let markup = Heatmap(rowLabels: [odd, long], columnLabels: [odd, long], counts: [[1, 2], [3, 4]]).render()
            #expect(!markup.contains("<b>"))
            let svg = try ParsedSVG.parse(markup)
            let rows = svg.all("text", class: "row-label")
            #expect(rows.first?.text == odd)
            #expect(rows.last?.text.hasSuffix("…") == true && rows.last?.title == long)
            #expect(svg.all("g", class: "cell")[1].title == "actual \(odd) → predicted \(long): 2 (66.7%)")
        }

        private func matrix() -> Heatmap {
            Heatmap(rowLabels: ["Yes", "No"], columnLabels: ["Yes", "No"], counts: [[5, 1], [2, 8]])
        }
    }
}
