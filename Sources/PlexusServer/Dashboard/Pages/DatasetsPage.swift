import PlexusCore
import PlexusMonitoring
import PlexusStore

/// `/datasets`: the account's datasets, newest first.
struct DatasetsPage {
    let account: Account
    let datasets: Page<Dataset>

    static func load(_ store: SQLStore, account: Account, cursor: String?) async throws -> DatasetsPage {
        DatasetsPage(account: account, datasets: try await store.datasets(accountID: account.id, page: PageRequest(limit: 50, cursor: cursor)))
    }

    func render() -> String {
        let rows = datasets.data.map { dataset in
            [HTML.link("/datasets/\(dataset.id.rawValue)", dataset.name), "\(dataset.rowCount)", "\(dataset.columns.count)", "\(dataset.badRowCount)",
             HTML.number(dataset.qualityScore, decimals: 1), dataset.format.rawValue, HTML.time(dataset.createdAt)]
        }
        let next = datasets.nextCursor.map { "<p class=\"pager\">\(HTML.link("/datasets?cursor=\($0)", "Next page →"))</p>" } ?? ""
        return PageFrame(title: "Datasets", crumbs: [.init(title: "Overview", href: "/"), .init(title: "Datasets", href: nil)], accountName: account.name).render(
            HTML.table(["Name", "Rows", "Columns", "Unreadable rows", "Quality", "Format", "Uploaded"], rows,
                       empty: "No datasets yet. Upload one with `plexus data upload examples/monitoring/orders-reference.csv`.") + next)
    }
}

/// `/datasets/{id}`: a dataset's summary, quality findings, and each column's statistics with a
/// histogram (numbers) or a bar chart of its top categories.
struct DatasetPage {
    let account: Account
    let dataset: Dataset
    let statistics: DatasetStatistics
    let quality: DatasetQuality

    static func load(_ store: SQLStore, account: Account, id: String) async throws -> DatasetPage? {
        guard let dataset = try await store.dataset(id, accountID: account.id),
              let statistics = try await store.datasetStatistics(id, accountID: account.id),
              let quality = try await store.datasetQuality(id, accountID: account.id)
        else { return nil }
        return DatasetPage(account: account, dataset: dataset, statistics: statistics, quality: quality)
    }

    func render() -> String {
        let cards = [("Rows", "\(dataset.rowCount)"), ("Columns", "\(dataset.columns.count)"), ("Unreadable rows", "\(dataset.badRowCount)"),
                     ("Duplicate rows", "\(dataset.duplicateRowCount)"), ("Quality", HTML.number(quality.score, decimals: 1) + " / 100")]
            .map { "<div class=\"card\"><div class=\"value\">\(HTML.escape($0.1))</div><div class=\"label\">\(HTML.escape($0.0))</div></div>" }.joined()
        let findings = HTML.table(["Severity", "Finding", "Column", "Count", "What to do"], quality.findings.map { finding in
            ["<span class=\"severity sev-\(finding.severity.rawValue)\">\(finding.severity.rawValue)</span>", finding.kind.rawValue, HTML.escape(finding.column ?? "–"),
             "\(finding.count)", HTML.escape(finding.message)]
        }, empty: "No findings: the data looks clean.")
        let table = HTML.table(["Column", "Type", "Count", "Missing", "Distinct", "Mean", "Std", "Min", "P50", "Max", "Top"], statistics.columns.map { column in
            // A text column's numbers describe its lengths, which the API reports; the page keeps to values.
            let numbers = column.type == .text ? [Double?](repeating: nil, count: 5) : [column.mean, column.std, column.min, column.p50, column.max]
            return [HTML.escape(column.name), column.type.rawValue, "\(column.count)", "\(column.missing)", "\(column.distinct)"]
                + numbers.map { HTML.number($0) } + [HTML.escape(column.top.prefix(3).map { "\($0.value) (\($0.count))" }.joined(separator: ", "))]
        }, empty: "No columns.")
        let charts = statistics.columns.filter { $0.type != .text }.compactMap(Self.chart).joined()
        let description = dataset.description.map { "<p>\(HTML.escape($0))</p>" } ?? ""
        return PageFrame(
            title: dataset.name, crumbs: [.init(title: "Overview", href: "/"), .init(title: "Datasets", href: "/datasets"), .init(title: dataset.name, href: nil)],
            accountName: account.name
        ).render("""
            \(description)<div class="cards">\(cards)</div>
            <p class="muted digest">SHA-256 <code>\(dataset.sha256)</code> · \(dataset.byteCount) bytes · uploaded \(HTML.time(dataset.createdAt))</p>
            <h2>Quality findings</h2>\(findings)
            <h2>Statistics</h2>\(table)
            <h2>Distributions</h2><div class="chart-grid">\(charts)</div>
            """)
    }

    /// A column's histogram or top categories, titled with its name.
    private static func chart(_ column: ColumnStatistics) -> String? {
        let chart: BarChart
        if let histogram = column.histogram, !histogram.counts.isEmpty, histogram.edges.count == histogram.counts.count + 1 {
            let labels = histogram.counts.indices.map { SVG.number(histogram.edges[$0], decimals: 2) }
            chart = BarChart(categories: labels, series: [BarSeries(name: "rows", values: histogram.counts.map(Double.init))],
                             xTitle: "\(column.name) (bin start)", yTitle: "rows", width: 420, height: 240)
        } else if !column.top.isEmpty {
            let top = Array(column.top.prefix(12))
            chart = BarChart(categories: top.map(\.value), series: [BarSeries(name: "rows", values: top.map { Double($0.count) })],
                             xTitle: column.name, yTitle: "rows", width: 420, height: 240)
        } else {
            return nil
        }
        return "<figure><figcaption>\(HTML.escape(column.name)) · \(column.type.rawValue)</figcaption>\(chart.render())</figure>"
    }
}
