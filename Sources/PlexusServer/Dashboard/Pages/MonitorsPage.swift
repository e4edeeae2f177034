import Foundation
import PlexusCore
import PlexusMonitoring
import PlexusStats
import PlexusStore

/// `/monitors`: the account's monitors with a status badge each (OK, drift, insufficient data,
/// failing, never run), their live alerts and schedules.
struct MonitorsPage {
    let account: Account
    let monitors: Page<Monitor>

    static func load(_ store: SQLStore, account: Account, cursor: String?) async throws -> MonitorsPage {
        MonitorsPage(account: account, monitors: try await store.monitors(accountID: account.id, page: PageRequest(limit: 50, cursor: cursor)))
    }

    /// A monitor's status as a badge.
    static func badge(_ status: MonitorCheck.Status?) -> String {
        let (name, text) = switch status {
        case .ok?: ("ok", "OK")
        case .drift?: ("drift", "drift")
        case .insufficientData?: ("insufficient", "insufficient data")
        case .failed?: ("failing", "failing")
        case nil: ("never", "never run")
        }
        return "<span class=\"badge \(name)\">\(text)</span>"
    }

    func render() -> String {
        let rows = monitors.data.map { monitor in
            [HTML.link("/monitors/\(monitor.id.rawValue)", monitor.definition.name), Self.badge(monitor.status),
             monitor.activeAlerts > 0 ? HTML.link("/alerts?monitorId=\(monitor.id.rawValue)", "\(monitor.activeAlerts)") : "0",
             HTML.escape(monitor.definition.source.kind), HTML.escape(monitor.definition.schedule ?? "–"),
             monitor.lastRunAt.map { HTML.time($0) } ?? "–", monitor.nextRunAt.map { HTML.time($0) } ?? "–"]
        }
        let next = monitors.nextCursor.map { "<p class=\"pager\">\(HTML.link("/monitors?cursor=\($0)", "Next page →"))</p>" } ?? ""
        return PageFrame(title: "Monitors", crumbs: [.init(title: "Overview", href: "/"), .init(title: "Monitors", href: nil)], accountName: account.name,
                         live: ["live-alerts": "1"]).render(
            HTML.table(["Name", "Status", "Live alerts", "Source", "Schedule", "Last run", "Next run"], rows,
                       empty: "No monitors yet. Create one with `plexus monitor create examples/monitoring/orders-drift.yaml`.") + next)
    }
}

/// `/monitors/{id}`: a monitor's definition, its drift share over time, a column × run grid of
/// verdicts, the latest run's per-column table, and the reference and current distributions of
/// one column (`?column=`) overlaid.
struct MonitorPage {
    let account: Account
    let monitor: Monitor
    /// Runs, oldest first.
    let runs: [MonitorRun]
    let column: String?
    let distributions: (reference: MonitorSample, current: MonitorSample)?

    static func load(_ store: SQLStore, account: Account, id: String, column: String?) async throws -> MonitorPage? {
        guard let monitor = try await store.monitor(id, accountID: account.id),
              let runs = try await store.monitorRuns(id, accountID: account.id, page: PageRequest(limit: 60))
        else { return nil }
        let latest = runs.data.first { $0.check.drift != nil }
        let shown = column ?? latest?.check.drift?.columns.first(where: \.result.drifted)?.name ?? latest?.check.drift?.columns.first?.name
        var distributions: (MonitorSample, MonitorSample)?
        if let latest, shown != nil {
            let window = latest.window ?? MonitorWindow(ending: latest.dueAt ?? latest.ranAt, length: monitor.definition.windowLength)
            distributions = try? await MonitorRunner(data: store).samples(monitor.definition, accountID: account.id, window: window)
        }
        return MonitorPage(account: account, monitor: monitor, runs: runs.data.reversed(), column: shown, distributions: distributions)
    }

    func render() -> String {
        let definition = monitor.definition
        let judged = runs.filter { $0.check.drift != nil }
        let shareChart = LineChart(
            series: [LineSeries(name: "drifted share", points: judged.map { ChartPoint(x: $0.ranAt.timeIntervalSince1970, y: $0.check.drift?.share ?? 0) })],
            xTitle: "run", yTitle: "share of columns drifted", yDomain: 0 ... 1, height: 240,
            xLabel: { Date(timeIntervalSince1970: $0).formatted(.dateTime.month(.abbreviated).day().hour().minute()) })
        let names = Array(Set(judged.flatMap { $0.check.drift?.columns.map(\.name) ?? [] })).sorted()
        let grid = DriftGrid(
            rowLabels: names, columnLabels: judged.map { $0.ranAt.formatted(.dateTime.month(.abbreviated).day().hour().minute()) },
            cells: names.map { name in
                judged.map { run in
                    run.check.drift?.columns.first { $0.name == name }.map { verdict in
                        DriftGrid.Cell(score: verdict.result.score, threshold: verdict.result.threshold, scoreIsPValue: verdict.result.method.scoreIsPValue,
                                       drifted: verdict.result.drifted, method: verdict.result.method.rawValue)
                    }
                }
            })
        let latest = runs.last
        let latestTable = latest.map { run -> String in
            let columns = run.check.drift?.columns ?? []
            let links = columns.map { verdict in
                [HTML.link("/monitors/\(monitor.id.rawValue)?column=\(verdict.name.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? verdict.name)", verdict.name),
                 verdict.result.method.rawValue, SVG.number(verdict.result.score, decimals: 4), SVG.number(verdict.result.threshold, decimals: 3),
                 verdict.result.drifted ? "<span class=\"badge drift\">drifted</span>" : "<span class=\"badge ok\">steady</span>",
                 "\(verdict.result.referenceCount)", "\(verdict.result.currentCount)"]
            }
            let fired = run.check.fired.map { "<li><code>\(HTML.escape($0.key))</code>: \(HTML.escape($0.message))</li>" }.joined()
            return "<p>\(MonitorsPage.badge(run.check.status)) \(HTML.time(run.ranAt)) · \(run.trigger.rawValue) · reference \(run.check.referenceRows) rows, current \(run.check.currentRows) rows"
                + (run.check.message.map { " · \(HTML.escape($0))" } ?? "") + "</p>"
                + (fired.isEmpty ? "" : "<ul>\(fired)</ul>")
                + HTML.table(["Column", "Test", "Score", "Threshold", "Verdict", "Reference rows", "Current rows"], links, empty: "Nothing was compared.")
        } ?? "<p class=\"empty\">Not run yet. Run it with <code>plexus monitor run \(monitor.id.rawValue)</code>.</p>"
        let source = definition.source.settings.sorted { $0.key < $1.key }.map { "\($0.key) \(Self.text($0.value))" }.joined(separator: ", ")
        let summary = """
            <p>\(MonitorsPage.badge(monitor.status)) source <code>\(HTML.escape(definition.source.kind))</code> \(HTML.escape(source)) · \
            reference <code>\(HTML.escape(Self.describe(definition.reference)))</code>\(definition.source.kind == DatasetMonitorSource.kind ? "" : " · window \(definition.windowLength)") · \
            schedule \(HTML.escape(definition.schedule ?? "none"))\(monitor.nextRunAt.map { " (next \(HTML.time($0)))" } ?? "") · \
            \(monitor.activeAlerts > 0 ? HTML.link("/alerts?monitorId=\(monitor.id.rawValue)", "\(monitor.activeAlerts) live alert\(monitor.activeAlerts == 1 ? "" : "s")") : "no live alerts")</p>
            """
        return PageFrame(
            title: definition.name, crumbs: [.init(title: "Overview", href: "/"), .init(title: "Monitors", href: "/monitors"), .init(title: definition.name, href: nil)],
            accountName: account.name, live: ["live-alerts": "1"]
        ).render("""
            \(definition.description.map { "<p>\(HTML.escape($0))</p>" } ?? "")\(summary)
            <h2>Latest run</h2>\(latestTable)
            <h2>Drift over time</h2><div class="chart">\(shareChart.render())</div>
            <h2>Columns × runs</h2><div class="chart">\(grid.render())</div>
            \(distributionSection())
            """)
    }

    /// The reference and current distributions of the chosen column, overlaid.
    private func distributionSection() -> String {
        guard let column, let distributions, let reference = distributions.reference.columns[column], let current = distributions.current.columns[column] else { return "" }
        let (labels, left, right) = Self.shares(reference, current)
        let chart = BarChart(categories: labels, series: [BarSeries(name: "reference", values: left), BarSeries(name: "current", values: right)],
                             xTitle: column, yTitle: "share of rows", yDomain: 0 ... max(0.05, (left + right).max() ?? 1), height: 280)
        return "<h2>Distribution of \(HTML.escape(column)): reference and current</h2><div class=\"chart\">\(chart.render())</div>"
    }

    /// Shares per bin (numbers: 16 equal bins over both sides) or per category (the 15 most common).
    static func shares(_ reference: DriftColumn, _ current: DriftColumn) -> (labels: [String], reference: [Double], current: [Double]) {
        switch (reference, current) {
        case let (.numeric(left), .numeric(right)):
            guard let low = [left.minimum, right.minimum].compactMap({ $0 }).min(), let high = [left.maximum, right.maximum].compactMap({ $0 }).max(), high > low else {
                return (["all"], [1], [1])
            }
            let bins = 16, step = (high - low) / Double(bins)
            func counts(_ sample: SortedSample) -> [Double] {
                (0 ..< bins).map { bin in
                    let start = low + Double(bin) * step, end = bin == bins - 1 ? high : start + step
                    let inside = (bin == bins - 1 ? sample.countAtOrBelow(end) : sample.countBelow(end)) - sample.countBelow(start)
                    return sample.count == 0 ? 0 : Double(inside) / Double(sample.count)
                }
            }
            return ((0 ..< bins).map { SVG.number(low + Double($0) * step, decimals: 2) }, counts(left), counts(right))
        default:
            let left = reference.valueCounts, right = current.valueCounts
            let top = left.adding(right).top(15).map(\.value)
            func share(_ counts: CategoryCounts, _ value: String) -> Double { counts.total == 0 ? 0 : Double(counts.counts[value] ?? 0) / Double(counts.total) }
            return (top, top.map { share(left, $0) }, top.map { share(right, $0) })
        }
    }

    private static func describe(_ reference: MonitorReference) -> String {
        switch reference {
        case let .dataset(id): "dataset \(id)"
        case let .range(from, to): "\(PlexusJSON.formatDate(from)) – \(PlexusJSON.formatDate(to))"
        case let .trailing(length): "trailing \(length)"
        }
    }

    private static func text(_ value: JSONValue) -> String {
        if case let .string(text) = value { return text }
        return String(describing: value)
    }
}
