/// Small helpers for server-rendered HTML: escaping and the shared page frame.
enum HTML {
    /// Escapes text for use in element content and quoted attributes (the same rules as inline SVG).
    static func escape(_ text: String) -> String {
        SVG.escape(text)
    }

    /// A short form of an ID for display: its last eight characters, since time-ordered IDs made
    /// close together share their first ones.
    static func shortID(_ id: String) -> String {
        String(id.suffix(8))
    }

    /// A link: `href` and the visible text are both escaped.
    static func link(_ href: String, _ text: String) -> String {
        "<a href=\"\(escape(href))\">\(escape(text))</a>"
    }

    /// A table with a header row; cells are raw HTML (escape data before passing it).
    static func table(_ header: [String], _ rows: [[String]], empty: String) -> String {
        guard !rows.isEmpty else { return "<p class=\"empty\">\(escape(empty))</p>" }
        let head = header.map { "<th>\(escape($0))</th>" }.joined()
        let body = rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined(separator: "\n")
        return "<table><thead><tr>\(head)</tr></thead><tbody>\n\(body)\n</tbody></table>"
    }

    /// A number with a fixed count of decimals, or an en dash when absent.
    static func number(_ value: Double?, decimals: Int = 3) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.\(decimals)f", value)
    }
}
