import PlexusServer
import Testing

extension Charts {
    @Suite("Bar chart")
    struct BarChartTests {
        @Test("Each bar is a rect whose title reads category · series: value")
        func barsAndTooltips() throws {
            let svg = try ParsedSVG.parse(metrics().render())
            let bars = svg.all("rect", class: "bar")
            #expect(bars.map(\.title) == [
                "Yes · Precision: 0.8", "Yes · Recall: 0.6", "No · Precision: 0.9", "No · Recall: 0.95",
            ])
            #expect(bars.map { $0.classes.contains("series-0") } == [true, false, true, false])
        }

        @Test("Bar heights are proportional to the values and rise from the bottom of a 0...1 axis")
        func heights() throws {
            let chart = BarChart(categories: ["a", "b", "c"], series: [BarSeries(name: "Rate", values: [0.25, 0.5, 1])], yDomain: 0...1)
            let bars = try ParsedSVG.parse(chart.render()).all("rect", class: "bar")
            let plot = chart.plotArea
            #expect(bars.map { $0.number("height") } == [0.25, 0.5, 1].map { $0 * plot.height })
            #expect(bars.map { $0.number("y")! + $0.number("height")! } == [plot.bottom, plot.bottom, plot.bottom])
        }

        @Test("The bars of a category sit side by side within its share of the width, in series order")
        func grouping() throws {
            let chart = metrics()
            let bars = try ParsedSVG.parse(chart.render()).all("rect", class: "bar")
            let plot = chart.plotArea
            let lefts = bars.map { $0.number("x")! }, rights = bars.map { $0.number("x")! + $0.number("width")! }
            #expect(lefts == lefts.sorted())
            #expect(abs(rights[0] - lefts[1]) < 0.02)
            #expect(lefts[0] > plot.left && rights[1] < plot.left + plot.width / 2)
            #expect(lefts[2] > plot.left + plot.width / 2 && rights[3] < plot.right)
        }

        @Test("Without a fixed domain the axis covers zero and every value; negative bars hang below zero")
        func negativeValues() throws {
            let chart = BarChart(categories: ["up", "down"], series: [BarSeries(name: "Change", values: [3, -2])])
            let svg = try ParsedSVG.parse(chart.render())
            let bars = svg.all("rect", class: "bar")
            let plot = chart.plotArea
            let zero = plot.bottom - plot.height * 2 / 5
            #expect(bars.map { $0.number("y") } == [plot.top, zero])
            #expect(bars.map { $0.number("height") } == [zero - plot.top, plot.bottom - zero])
        }

        @Test("The legend names every series, even a single one")
        func legend() throws {
            #expect(try ParsedSVG.parse(metrics().render()).all("text", class: "legend-label").map(\.text) == ["Precision", "Recall"])
            let single = BarChart(categories: ["a"], series: [BarSeries(name: "Rate", values: [0.5])])
            #expect(try ParsedSVG.parse(single.render()).all("rect", class: "legend-swatch").count == 1)
        }

        @Test("All-zero values draw flat bars on a 0...1 axis")
        func allZero() throws {
            let svg = try ParsedSVG.parse(BarChart(categories: ["a", "b"], series: [BarSeries(name: "Rate", values: [0, 0])]).render())
            #expect(svg.all("rect", class: "bar").map { $0.number("height") } == [0, 0])
            #expect(svg.all("text", class: "tick-label").map(\.text) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
            #expect(svg.hasFiniteGeometry)
        }

        @Test("Missing and non-finite values draw no bar")
        func missingValues() throws {
            let chart = BarChart(categories: ["a", "b", "c"], series: [BarSeries(name: "Rate", values: [0.5, .nan])])
            #expect(try ParsedSVG.parse(chart.render()).all("rect", class: "bar").map(\.title) == ["a · Rate: 0.5"])
        }

        @Test("No categories, no series or no values show No data yet", arguments: [
            BarChart(categories: [], series: [BarSeries(name: "Rate", values: [1])]),
            BarChart(categories: ["a"], series: []),
            BarChart(categories: ["a"], series: [BarSeries(name: "Rate", values: [])]),
        ])
        func placeholder(chart: BarChart) throws {
            let svg = try ParsedSVG.parse(chart.render())
            #expect(svg.classes.contains("chart-empty") && svg.all("text").map(\.text) == ["No data yet"])
        }

        @Test("Category and series names are escaped and the document still parses")
        func escaping() throws {
            let name = #"<b>&""#
            let markup = BarChart(categories: [name], series: [BarSeries(name: name, values: [0.5])]).render()
            #expect(!markup.contains("<b>"))
            let svg = try ParsedSVG.parse(markup)
            #expect(svg.all("text", class: "category-label").first?.text == name)
            #expect(svg.all("rect", class: "bar").first?.title == "\(name) · \(name): 0.5")
        }

        @Test("Long category labels are cut with an ellipsis and keep the full label in a title")
        func longLabels() throws {
            let category = "An unusually verbose class label"
            let chart = BarChart(categories: [category, "b", "c", "d", "e", "f"], series: [BarSeries(name: "Rate", values: [1])])
            let label = try #require(ParsedSVG.parse(chart.render()).all("text", class: "category-label").first)
            #expect(label.text.hasSuffix("…") && label.text.count < category.count)
            #expect(label.title == category)
        }

        private func metrics() -> BarChart {
            BarChart(
                categories: ["Yes", "No"],
                series: [BarSeries(name: "Precision", values: [0.8, 0.9]), BarSeries(name: "Recall", values: [0.6, 0.95])],
                yDomain: 0...1
            )
        }
    }
}
