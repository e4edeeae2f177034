import PlexusServer
import Testing

extension Charts {
    @Suite("SVG building blocks")
    struct SVGTests {
        @Test("escape replaces the five XML special characters")
        func escapesSpecialCharacters() {
            #expect(SVG.escape(#"<b>&"x'"#) == "&lt;b&gt;&amp;&quot;x&apos;")
            #expect(SVG.escape("Prédiction → ok") == "Prédiction → ok")
        }

        @Test("escape drops control characters XML cannot hold and keeps tabs and newlines")
        func dropsControlCharacters() throws {
            let escaped = SVG.escape("a\u{0}b\u{1B}c\td\ne\u{FFFF}")
            #expect(escaped == "abc\td\ne")
            #expect(try ParsedSVG.parse("<t>\(escaped)</t>").text == "abc\td\ne")
        }

        @Test("number rounds to a fixed precision and trims trailing zeros")
        func formatsNumbers() {
            #expect(SVG.number(2) == "2")
            #expect(SVG.number(0.1 + 0.2) == "0.3")
            #expect(SVG.number(1234.5678) == "1234.57")
            #expect(SVG.number(-12.5) == "-12.5")
            #expect(SVG.number(2.0 / 3, decimals: 3) == "0.667")
            #expect(SVG.number(0.5, decimals: 2, keepTrailingZeros: true) == "0.50")
        }

        @Test("number never prints -0, NaN or infinity")
        func formatsOddNumbers() {
            #expect(SVG.number(-0.0001) == "0")
            #expect(SVG.number(-0.0) == "0")
            #expect(SVG.number(.nan) == "0")
            #expect(SVG.number(-.infinity) == "0")
        }

        @Test("element escapes attribute values, keeps their order and leaves out empty ones")
        func buildsElements() {
            #expect(SVG.element("rect", ["class": "a\"b", "x": "1", "transform": ""]) == #"<rect class="a&quot;b" x="1"/>"#)
            #expect(SVG.element("g", ["class": "c"], content: "<line/>") == #"<g class="c"><line/></g>"#)
        }

        @Test("label shows short text whole, without a tooltip")
        func keepsShortLabels() throws {
            let label = try ParsedSVG.parse(SVG.label("Yes", maxCharacters: 3, ["x": "1"]))
            #expect(label.text == "Yes")
            #expect(label.title == nil)
        }

        @Test("label cuts long text with an ellipsis and keeps the full text in its title")
        func truncatesLongLabels() throws {
            let label = try ParsedSVG.parse(SVG.label("Customer satisfaction", maxCharacters: 8, ["x": "1"]))
            #expect(label.text == "Custome…")
            #expect(label.text.count == 8)
            #expect(label.title == "Customer satisfaction")
        }

        @Test("placeholder is a well-formed SVG of the given size saying No data yet")
        func placeholder() throws {
            let svg = try ParsedSVG.parse(SVG.placeholder(width: 300, height: 100, classes: "demo-chart"))
            #expect(svg.name == "svg")
            #expect(svg.attributes["xmlns"] == "http://www.w3.org/2000/svg")
            #expect(svg.attributes["viewBox"] == "0 0 300 100")
            #expect(svg.classes == ["demo-chart", "chart-empty"])
            #expect(svg.all("text").map(\.text) == ["No data yet"])
        }
    }
}
