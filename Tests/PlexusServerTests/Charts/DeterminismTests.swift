import PlexusServer
import Testing

extension Charts {
    @Suite("Well-formed, deterministic output")
    struct DeterminismTests {
        /// A chart built afresh on every call, so two renders share no state.
        struct Case: Sendable, CustomTestStringConvertible {
            let testDescription: String
            let render: @Sendable () -> String
        }

        static let cases: [Case] = [
            Case(testDescription: "line chart of two series") {
                LineChart(series: [
                    LineSeries(name: "A", points: [ChartPoint(x: 0, y: 0.1), ChartPoint(x: 50, y: 0.72), ChartPoint(x: 100, y: 0.8)]),
                    LineSeries(name: "B", points: [ChartPoint(x: 0, y: -0.3), ChartPoint(x: 100, y: 1.0 / 3)]),
                ], xTitle: "Items processed", yTitle: "Accuracy").render()
            },
            Case(testDescription: "line chart of one point") {
                LineChart(series: [LineSeries(name: "A", points: [ChartPoint(x: 3, y: 3)])]).render()
            },
            Case(testDescription: "bar chart") {
                BarChart(categories: ["Yes", "No", "Maybe"], series: [
                    BarSeries(name: "Precision", values: [0.81, 2.0 / 3, 0]), BarSeries(name: "Recall", values: [0.7, 0.9]),
                ], yDomain: 0...1).render()
            },
            Case(testDescription: "heatmap") {
                Heatmap(rowLabels: ["Yes", "No", "Maybe"], columnLabels: ["Yes", "No", "Maybe"], counts: [[7, 1, 0], [2, 9, 1], [0, 3, 3]]).render()
            },
            Case(testDescription: "rate bar") { RateBar(rate: 1.0 / 7, label: "Bypass").render() },
            Case(testDescription: "empty line chart") { LineChart(series: []).render() },
        ]

        @Test("Every chart parses as XML with an svg root and finite geometry", arguments: cases)
        func wellFormed(chart: Case) throws {
            let svg = try ParsedSVG.parse(chart.render())
            #expect(svg.name == "svg" && svg.attributes["xmlns"] == "http://www.w3.org/2000/svg")
            #expect(svg.hasFiniteGeometry)
        }

        @Test("The same input renders to the same string", arguments: cases)
        func deterministic(chart: Case) {
            #expect(chart.render() == chart.render())
        }

        @Test("Numbers are printed with at most three decimals", arguments: cases)
        func shortNumbers(chart: Case) {
            let markup = chart.render()
            #expect(markup.firstMatch(of: /\d\.\d{4}/) == nil)
        }
    }
}
