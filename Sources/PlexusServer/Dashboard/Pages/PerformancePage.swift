import Foundation
import PlexusCore
import PlexusStore

/// `/performance?hours=24`: how the account's content pipelines processed their items —
/// headline numbers, processing breakdown, content types, checkpoints and the hourly quality trend.
struct PerformancePage {
    let account: Account
    let overview: PerformanceOverview

    static func load(_ store: SQLStore, account: Account, hours: String?) async throws -> PerformancePage {
        let window = try PerformanceWindow(hours: hours.flatMap(Int.init) ?? PerformanceWindow.defaultHours)
        return PerformancePage(account: account, overview: try await store.performanceOverview(accountID: account.id, window: window))
    }

    func render() -> String {
        let windows = [(24, "24 h"), (168, "7 days"), (720, "30 days")].map { hours, label in
            hours == overview.hours ? "<strong>\(label)</strong>" : HTML.link("/performance?hours=\(hours)", label)
        }.joined(separator: " · ")
        let frame = PageFrame(title: "Pipeline performance", crumbs: [.init(title: "Overview", href: "/"), .init(title: "Performance", href: nil)],
                              accountName: account.name, live: ["live-performance": "1"])
        return frame.render("<p>Window: \(windows)</p>" + [headline, breakdown, contentTypes, checkpoints, trend].joined(separator: "\n"))
    }

    private var headline: String {
        let summary = overview.overallMetrics
        let cards = [("total-processed", "\(summary.totalProcessed)", "Items processed"),
                     ("bypass-rate", Self.percent(summary.bypassRate), "Quality bypass rate"),
                     ("early-exit-rate", Self.percent(summary.earlyExitRate), "Early-exit rate"),
                     ("time-saved", HTML.number(summary.totalTimeSavedHours, decimals: 1) + " h", "Time saved"),
                     ("avg-savings", HTML.number(summary.avgTimeSavings, decimals: 1) + " %", "Average time saving")]
        return "<div class=\"cards\">" + cards.map { id, value, label in
            "<div class=\"card\"><div class=\"value\" id=\"\(id)\">\(value)</div><div class=\"label\">\(label)</div></div>"
        }.joined() + "</div>"
    }

    private var breakdown: String {
        let summary = overview.overallMetrics
        let total = Double(max(summary.totalProcessed, 1))
        let rows = [("Full processing", summary.fullProcessing), ("Lightweight (quality bypass)", summary.qualityBypassed), ("Early exit", summary.earlyExits)]
            .map { label, count in [label, "<span class=\"num\">\(count)</span>", RateBar(rate: Double(count) / total, label: label).render()] }
        return "<h2>Processing breakdown</h2>" + HTML.table(["Path", "Items", "Share"], rows, empty: "")
    }

    private var contentTypes: String {
        "<h2>Content types</h2>" + HTML.table(["Content type", "Items", "Bypass rate", "", "Avg quality", "Avg time (s)"], overview.contentTypeBreakdown.map { type in
            [HTML.escape(type.contentType ?? "(none)"), "\(type.count)", Self.percent(type.bypassRate), RateBar(rate: type.bypassRate).render(),
             HTML.number(type.avgQualityScore), HTML.number(type.avgProcessingTime, decimals: 2)]
        }, empty: "No items in this window yet. Pipelines record them with POST /api/performance/record.")
    }

    private var checkpoints: String {
        "<h2>Checkpoints</h2>" + HTML.table(["Checkpoint", "Exits", "Share of exits", "Top reasons", "Avg confidence"], overview.checkpointAnalytics.map { checkpoint in
            [HTML.escape(checkpoint.checkpointName ?? "(none)"), "\(checkpoint.exitCount)", Self.percent(checkpoint.exitRate),
             checkpoint.topExitReasons.map { "\(HTML.escape($0.reason)) (\($0.count))" }.joined(separator: ", "), HTML.number(checkpoint.avgConfidence)]
        }, empty: "No early exits in this window.")
    }

    private var trend: String {
        let buckets = overview.qualityTrends
        guard let first = buckets.first, let last = buckets.last else {
            return "<h2>Quality trend</h2><p class=\"empty\">No quality scores in this window.</p>"
        }
        // Hours since 1970 on the x axis, so ticks fall on whole hours and the axis ends where the data does.
        func hours(_ bucket: QualityTrendBucket) -> Double { (bucket.timestamp.timeIntervalSince1970 / 3600).rounded() }
        func series(_ name: String, _ value: (QualityTrendBucket) -> Double?) -> LineSeries {
            LineSeries(name: name, points: buckets.compactMap { bucket in value(bucket).map { ChartPoint(x: hours(bucket), y: $0) } })
        }
        let span = hours(last) - hours(first)
        let domain = span > 0 ? hours(first)...hours(last) : (hours(first) - 1)...(hours(first) + 1)
        var chart = LineChart(
            series: [series("Quality", \.avgQualityScore), series("Coherence", \.coherenceScore), series("Completeness", \.completenessScore),
                     series("Informativeness", \.informativenessScore)].filter { !$0.points.isEmpty },
            xTitle: "Hour (UTC)", yTitle: "Average", yDomain: 0...1, xDomain: domain, width: 900, height: 300,
            xLabel: { hour in Self.hourLabel(hour, withDate: span >= 24) })
        // Fewer ticks than hours in a short window, so every tick is a whole hour.
        chart.xTickCount = min(5, Int(domain.upperBound - domain.lowerBound) + 1)
        return "<h2>Quality trend</h2><div class=\"chart\">\(chart.render())</div>"
    }

    private static func percent(_ fraction: Double) -> String { HTML.number(fraction * 100, decimals: 1) + " %" }

    /// `14:00`, or `12-03 14:00` on charts spanning more than a day, for an hour counted since 1970 (UTC).
    private static func hourLabel(_ hour: Double, withDate: Bool) -> String {
        let date = Date(timeIntervalSince1970: hour.rounded() * 3600)
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        let time = String(format: "%02d:00", parts.hour ?? 0)
        return withDate ? String(format: "%02d-%02d ", parts.month ?? 0, parts.day ?? 0) + time : time
    }
}
