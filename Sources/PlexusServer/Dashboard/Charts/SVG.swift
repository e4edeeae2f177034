import Foundation

/// Small builders for SVG markup: escaping, number formatting, elements and labels.
///
/// Every chart is assembled from these, so escaping and number formatting happen in one place
/// and the output stays well-formed and deterministic.
public enum SVG {
    /// The message a chart shows when it has nothing to draw.
    public static let emptyMessage = "No data yet"

    /// Approximate width of one character of a 12px label, used to lay out text without a font.
    static let characterWidth = 7.0

    /// Escapes `text` for use in XML content or a double-quoted attribute, dropping characters
    /// that XML 1.0 forbids (control characters other than tab, newline and carriage return).
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                // XML 1.0 allows no other C0 controls, nor U+FFFE and U+FFFF.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Formats `value` rounded to `decimals` places, without trailing zeros unless
    /// `keepTrailingZeros` is set; never prints `-0`, and prints non-finite values as `0`.
    public static func number(_ value: Double, decimals: Int = 2, keepTrailingZeros: Bool = false) -> String {
        let decimals = min(max(decimals, 0), 12)
        guard value.isFinite else { return "0" }
        let scale = pow(10, Double(decimals))
        var rounded = (value * scale).rounded() / scale
        if rounded == 0 { rounded = 0 }  // Turns -0 into 0.
        var text = String(format: "%.\(decimals)f", rounded)
        if !keepTrailingZeros, text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Builds `<name attributes/>`, or `<name attributes>content</name>` when `content` is given.
    ///
    /// Attribute values are escaped and attributes with an empty value are left out; `content`
    /// is markup and is inserted as is.
    public static func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], content: String? = nil) -> String {
        var markup = "<" + name
        for (key, value) in attributes where !value.isEmpty {
            markup += " \(key)=\"\(escape(value))\""
        }
        guard let content else { return markup + "/>" }
        return markup + ">" + content + "</" + name + ">"
    }

    /// A `<title>` element, which browsers show as the tooltip of its parent.
    public static func title(_ text: String) -> String {
        "<title>" + escape(text) + "</title>"
    }

    /// A `<text>` element showing `text`, cut to `maxCharacters` with an ellipsis when longer;
    /// a cut label carries the full text in its `<title>`.
    public static func label(_ text: String, maxCharacters: Int, _ attributes: KeyValuePairs<String, String>) -> String {
        let limit = max(maxCharacters, 1)
        guard text.count > limit else { return element("text", attributes, content: escape(text)) }
        let shown = String(text.prefix(max(limit - 1, 1))) + "…"
        return element("text", attributes, content: escape(shown) + title(text))
    }

    /// The root `<svg>` element of a chart of the given size, with `content` inside.
    ///
    /// `font-size` is a presentation attribute, so any stylesheet overrides it; it only keeps
    /// the layout's assumption of 12px labels true when no stylesheet applies.
    public static func document(width: Double, height: Double, classes: String, content: String) -> String {
        let size = "0 0 \(number(width)) \(number(height))"
        return element("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "viewBox": size, "width": number(width), "height": number(height),
            "class": classes, "role": "img", "font-size": "12",
        ], content: content)
    }

    /// A chart of the given size that only says ``emptyMessage``.
    public static func placeholder(width: Double, height: Double, classes: String) -> String {
        let message = element("text", [
            "class": "chart-empty-message", "x": number(width / 2), "y": number(height / 2),
            "text-anchor": "middle", "dominant-baseline": "central",
        ], content: escape(emptyMessage))
        return document(width: width, height: height, classes: classes + " chart-empty", content: message)
    }
}
