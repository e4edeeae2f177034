import PlexusServer
import Testing

extension Charts {
    @Suite("Rate bar")
    struct RateBarTests {
        @Test("The fill is as wide as the rate and the title gives it as a percentage")
        func fill() throws {
            let svg = try ParsedSVG.parse(RateBar(rate: 0.125, label: "Bypass rate", width: 80).render())
            #expect(svg.all("rect", class: "rate-bar-track").first?.number("width") == 80)
            #expect(svg.all("rect", class: "rate-bar-fill").first?.number("width") == 10)
            #expect(svg.title == "Bypass rate: 12.5%")
        }

        @Test("Rates outside 0...1 are clamped in the bar but shown as they are in the title", arguments: [(1.5, 80.0, "150%"), (-0.2, 0, "-20%")])
        func clamping(rate: Double, width: Double, percent: String) throws {
            let svg = try ParsedSVG.parse(RateBar(rate: rate, width: 80).render())
            #expect(svg.all("rect", class: "rate-bar-fill").first?.number("width") == width)
            #expect(svg.title == percent)
        }

        @Test("A non-finite rate shows an empty track titled No data yet", arguments: [Double.nan, .infinity])
        func noData(rate: Double) throws {
            let svg = try ParsedSVG.parse(RateBar(rate: rate, label: "Bypass rate").render())
            #expect(svg.classes.contains("chart-empty") && svg.title == "No data yet")
            #expect(svg.all("rect", class: "rate-bar-fill").isEmpty && svg.all("rect", class: "rate-bar-track").count == 1)
        }

        @Test("The label is escaped and the document still parses")
        func escaping() throws {
            let markup = RateBar(rate: 0.5, label: #"<b>&""#).render()
            #expect(!markup.contains("<b>"))
            #expect(try ParsedSVG.parse(markup).title == #"<b>&": 50%"#)
        }
    }
}
