import PlexusServer
import Testing

extension Charts {
    @Suite("Line chart")
    struct LineChartTests {
        @Test("Points (0, 0) and (10, 1) on a 0...1 domain land on the plot's bottom-left and top-right corners")
        func corners() throws {
            let chart = LineChart(series: [series("Accuracy", (0, 0), (10, 1))], yDomain: 0...1)
            let circles = try ParsedSVG.parse(chart.render()).all("circle")
            let plot = chart.plotArea
            #expect(circles.map { $0.number("cx") } == [plot.left, plot.right])
            #expect(circles.map { $0.number("cy") } == [plot.bottom, plot.top])
        }

        @Test("Each series is a polyline through a circle per point, whose title reads x, y")
        func polylineAndPoints() throws {
            let svg = try ParsedSVG.parse(LineChart(series: [series("Accuracy", (0, 0.5), (5, 0.75), (10, 0.8125))]).render())
            let circles = svg.all("circle", class: "point")
            #expect(circles.map(\.title) == ["0, 0.5", "5, 0.75", "10, 0.813"])
            let polylines = svg.all("polyline", class: "line")
            #expect(polylines.count == 1)
            let vertices = circles.map { "\($0.attributes["cx"]!),\($0.attributes["cy"]!)" }.joined(separator: " ")
            #expect(polylines.first?.attributes["points"] == vertices)
            #expect(polylines.first?.classes.contains("series-0") == true)
        }

        @Test("A single series has no legend")
        func noLegendForOneSeries() throws {
            let svg = try ParsedSVG.parse(LineChart(series: [series("Accuracy", (0, 0.5), (1, 0.6))]).render())
            #expect(svg.all("g", class: "legend").isEmpty)
        }

        @Test("Several series get a legend, their own classes, and their names in tooltips")
        func legendForSeveralSeries() throws {
            let chart = LineChart(series: [series("Model A", (0, 0.5), (1, 0.6)), series("Model B", (0, 0.4), (1, 0.7))])
            let svg = try ParsedSVG.parse(chart.render())
            #expect(svg.all("text", class: "legend-label").map(\.text) == ["Model A", "Model B"])
            #expect(svg.all("polyline").map(\.classes) == [["line", "series-0"], ["line", "series-1"]])
            #expect(svg.all("circle").compactMap(\.title) == ["Model A: 0, 0.5", "Model A: 1, 0.6", "Model B: 0, 0.4", "Model B: 1, 0.7"])
            #expect(chart.plotArea.top > LineChart(series: [series("Model A", (0, 0.5))]).plotArea.top)
        }

        @Test("Negative values widen the vertical domain below zero")
        func negativeValues() throws {
            let chart = LineChart(series: [series("Drift", (0, -2), (1, 3), (2, 0))])
            let svg = try ParsedSVG.parse(chart.render())
            let plot = chart.plotArea
            #expect(svg.all("circle").map { $0.number("cy") } == [plot.bottom, plot.top, plot.bottom - plot.height * 0.4])
            #expect(svg.all("g", class: "y-axis").first?.all("text", class: "tick-label").map(\.text) == ["-2", "-1", "0", "1", "2", "3"])
        }

        @Test("A single point is drawn inside the plot, with no NaN anywhere")
        func singlePoint() throws {
            let chart = LineChart(series: [series("Accuracy", (7, 0.9))])
            let svg = try ParsedSVG.parse(chart.render())
            #expect(svg.hasFiniteGeometry)
            let circle = try #require(svg.all("circle").first)
            let plot = chart.plotArea
            #expect(try #require(circle.number("cx")) > plot.left && circle.number("cx")! < plot.right)
            #expect(try #require(circle.number("cy")) > plot.top && circle.number("cy")! < plot.bottom)
        }

        @Test("Identical y values get a domain with height and sit strictly inside the plot")
        func identicalValues() throws {
            let chart = LineChart(series: [series("Flat", (0, 0.5), (1, 0.5), (2, 0.5))])
            let svg = try ParsedSVG.parse(chart.render())
            let heights = Set(svg.all("circle").compactMap { $0.number("cy") })
            #expect(heights.count == 1)
            #expect(try #require(heights.first) > chart.plotArea.top && heights.first! < chart.plotArea.bottom)
            #expect(svg.all("g", class: "y-axis").first!.all("text", class: "tick-label").count >= 3)
        }

        @Test("All-zero values lie on the bottom of a 0...1 axis")
        func allZero() throws {
            let chart = LineChart(series: [series("Errors", (0, 0), (1, 0))])
            let svg = try ParsedSVG.parse(chart.render())
            #expect(svg.all("circle").map { $0.number("cy") } == [chart.plotArea.bottom, chart.plotArea.bottom])
            #expect(svg.all("g", class: "y-axis").first!.all("text", class: "tick-label").map(\.text) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        }

        @Test("Values outside a fixed domain are drawn at its edge, with the true value in the tooltip")
        func outsideFixedDomain() throws {
            let chart = LineChart(series: [series("Score", (0, 1.5), (1, -0.5))], yDomain: 0...1)
            let circles = try ParsedSVG.parse(chart.render()).all("circle")
            #expect(circles.map { $0.number("cy") } == [chart.plotArea.top, chart.plotArea.bottom])
            #expect(circles.map(\.title) == ["0, 1.5", "1, -0.5"])
        }

        @Test("No series, only empty series, or only non-finite points show No data yet", arguments: [
            [], [LineSeries(name: "Empty", points: [])], [LineSeries(name: "Odd", points: [ChartPoint(x: .nan, y: 1), ChartPoint(x: 1, y: .infinity)])],
        ])
        func placeholder(series: [LineSeries]) throws {
            let svg = try ParsedSVG.parse(LineChart(series: series).render())
            #expect(svg.classes.contains("chart-empty"))
            #expect(svg.all("text").map(\.text) == ["No data yet"])
            #expect(svg.all("circle").isEmpty)
        }

        @Test("Non-finite points are skipped and the rest drawn")
        func skipsNonFinitePoints() throws {
            let svg = try ParsedSVG.parse(LineChart(series: [series("Accuracy", (0, 0.5), (.nan, 0.2), (1, 0.7))]).render())
            #expect(svg.all("circle").map(\.title) == ["0, 0.5", "1, 0.7"])
        }

        @Test("Series names and axis titles are escaped and the document still parses")
        func escaping() throws {
            let name = #"<b>&""#
            let markup = LineChart(series: [series(name, (0, 1)), series("B", (1, 2))], xTitle: name, yTitle: name).render()
            #expect(markup.contains("&lt;b&gt;&amp;&quot;") && !markup.contains("<b>"))
            let svg = try ParsedSVG.parse(markup)
            #expect(svg.all("text", class: "legend-label").first?.text == name)
            #expect(svg.all("text", class: "axis-title").map(\.text) == [name, name])
        }

        @Test("Long series names are cut with an ellipsis and keep the full name in a title")
        func longNames() throws {
            let name = "A remarkably long classifier name for the legend"
            let svg = try ParsedSVG.parse(LineChart(series: [series(name, (0, 1)), series("B", (1, 2))]).render())
            let label = try #require(svg.all("text", class: "legend-label").first)
            #expect(label.text.hasSuffix("…") && label.text.count < name.count)
            #expect(label.title == name)
        }

        @Test("xLabel formats the horizontal tick labels and the tooltips' x values")
        func customXLabels() throws {
            let chart = LineChart(series: [series("Quality", (0, 0.5), (12, 0.75))], xLabel: { "\(Int($0)):00" })
            let svg = try ParsedSVG.parse(chart.render())
            #expect(svg.all("g", class: "x-axis").first?.all("text").first?.text == "0:00")
            #expect(svg.all("circle").map(\.title) == ["0:00, 0.5", "12:00, 0.75"])
        }

        private func series(_ name: String, _ points: (Double, Double)...) -> LineSeries {
            LineSeries(name: name, points: points.map { ChartPoint(x: $0.0, y: $0.1) })
        }
    }
}
