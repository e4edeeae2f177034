import Foundation
import PlexusCore
import PlexusStore

/// Small helpers for server-rendered HTML: escaping, links, tables, numbers, times and excerpts.
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

    /// A table with a header row; cells are raw HTML (escape data before passing it). Without rows,
    /// `empty` is shown instead, its `backticked` parts as code.
    static func table(_ header: [String], _ rows: [[String]], empty: String) -> String {
        guard !rows.isEmpty else { return "<p class=\"empty\">\(withCode(empty))</p>" }
        let head = header.map { "<th>\(escape($0))</th>" }.joined()
        let body = rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined(separator: "\n")
        return "<table><thead><tr>\(head)</tr></thead><tbody>\n\(body)\n</tbody></table>"
    }

    /// A number with a fixed count of decimals, or an en dash when absent.
    static func number(_ value: Double?, decimals: Int = 3) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.\(decimals)f", value)
    }

    /// Escapes `text` and shows its `backticked` parts as `<code>`.
    static func withCode(_ text: String) -> String {
        escape(text).split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .map { index, part in index % 2 == 1 ? "<code>\(part)</code>" : String(part) }.joined()
    }

    /// A time as people read it, "3 min ago", with the exact time on hover (UTC from the server;
    /// the script shows it in the reader's time zone) and the ISO time for machines.
    static func time(_ date: Date, now: Date = Date()) -> String {
        let iso = PlexusJSON.formatDate(date)
        let exact = iso.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
        return "<time datetime=\"\(iso)\" title=\"\(exact)\">\(relative(date, now: now))</time>"
    }

    /// "just now", "42 s ago", "5 min ago", "3 h ago", "2 days ago", "in 5 min", or the date when older than a week.
    static func relative(_ date: Date, now: Date) -> String {
        let seconds = now.timeIntervalSince(date)
        let magnitude = abs(seconds)
        let amount: String
        switch magnitude {
        case ..<5: return "just now"
        case ..<60: amount = "\(Int(magnitude)) s"
        case ..<3600: amount = "\(Int(magnitude / 60)) min"
        case ..<86_400: amount = "\(Int(magnitude / 3600)) h"
        case ..<(7 * 86_400): amount = Int(magnitude / 86_400) == 1 ? "1 day" : "\(Int(magnitude / 86_400)) days"
        default: return String(PlexusJSON.formatDate(date).prefix(10))
        }
        return seconds >= 0 ? amount + " ago" : "in " + amount
    }

    /// At most `limit` characters of `text`, cut at a word boundary with an ellipsis, escaped.
    static func excerpt(_ text: String, limit: Int = 160) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > limit else { return escape(flat) }
        let cut = flat.prefix(limit)
        let words = cut.lastIndex(where: \.isWhitespace).map { cut[..<$0] } ?? cut
        return escape(words.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))) + "…"
    }

    /// A link to an item, shown by its external ID (its short ID when the name is not known).
    static func itemLink(_ id: Identifier<Item>, _ names: DisplayNames) -> String {
        "<a class=\"item\" href=\"/items/\(escape(id.rawValue))\">\(escape(names.items[id] ?? shortID(id.rawValue)))</a>"
    }

    /// A link to a score's page, shown by its name (its short ID when it is not known).
    static func scoreLink(_ id: Identifier<Score>?, _ names: DisplayNames) -> String {
        guard let id else { return "–" }
        guard let score = names.scores[id] else { return "<code>\(escape(shortID(id.rawValue)))</code>" }
        return link("/scorecards/\(score.scorecardKey)/scores/\(score.key)", score.name)
    }
}
