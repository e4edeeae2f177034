import Foundation
import PlexusCore
import PlexusMonitoring
import PlexusStore

/// `/models`: the account's uploaded ONNX model versions, newest first.
struct ModelsPage {
    let account: Account
    let models: Page<RegisteredModel>

    static func load(_ store: SQLStore, account: Account, cursor: String?) async throws -> ModelsPage {
        ModelsPage(account: account, models: try await store.registeredModels(accountID: account.id, page: PageRequest(limit: 50, cursor: cursor)))
    }

    func render() -> String {
        let rows = models.data.map { model in
            [HTML.link("/models/\(model.id.rawValue)", model.name), "\(model.version)", HTML.escape(model.producer),
             HTML.escape(model.inputs.map { "\($0.name) \(ModelPage.shape($0))" }.joined(separator: ", ")),
             HTML.escape(model.operators.map(\.operatorType).joined(separator: ", ")), ModelPage.size(model.byteCount), HTML.time(model.createdAt)]
        }
        let next = models.nextCursor.map { "<p class=\"pager\">\(HTML.link("/models?cursor=\($0)", "Next page →"))</p>" } ?? ""
        return PageFrame(title: "Models", crumbs: [.init(title: "Overview", href: "/"), .init(title: "Models", href: nil)], accountName: account.name).render(
            HTML.table(["Name", "Version", "Producer", "Inputs", "Operators", "Size", "Uploaded"], rows,
                       empty: "No models yet. Export one with skl2onnx and upload it with `plexus model upload churn.onnx --name churn`.") + next)
    }
}

/// `/models/{id}`: one model version: what it takes and gives, its logged predictions (volume per
/// hour over the last week and the classes of the latest ones), the monitors that watch them, the
/// operators it runs (as a bar chart of node counts), its metadata, its stored explanations, and
/// the other versions of its name.
struct ModelPage {
    /// How many of the newest logged predictions the class chart counts.
    static let classSample = 10_000

    let account: Account
    let model: RegisteredModel
    let versions: [RegisteredModel]
    let explanations: [ModelExplanationSummary]
    let hourly: [(start: Date, count: Int)]
    let classes: [(label: String, count: Int)]
    let monitors: [Monitor]

    static func load(_ store: SQLStore, account: Account, id: String) async throws -> ModelPage? {
        guard let model = try await store.registeredModel(id, accountID: account.id) else { return nil }
        var versions: [RegisteredModel] = []
        var page = try PageRequest(limit: 1000)
        while true {
            let batch = try await store.registeredModels(accountID: account.id, page: page)
            versions += batch.data.filter { $0.name == model.name }
            guard let cursor = batch.nextCursor, versions.count < 200 else { break }
            page = try PageRequest(limit: 1000, cursor: cursor)
        }
        let explanations = try await store.explanations(of: model.id, accountID: account.id, page: PageRequest(limit: 50)).data
        let series = model.predictionSeries
        let hourly = try await store.seriesCounts(series, accountID: account.id, from: Date().addingTimeInterval(-7 * 86_400), bucketSeconds: 3_600)
        var counts: [String: Int] = [:]
        for point in try await store.latestSeriesPoints(series, accountID: account.id, limit: Self.classSample) {
            switch point.values["prediction"] {
            case let .string(label)?: counts[label, default: 0] += 1
            case let .number(number)? where number.rounded() == number && abs(number) < 1e15: counts[String(Int64(number)), default: 0] += 1
            default: continue
            }
        }
        let watching = try await store.monitors(accountID: account.id, page: PageRequest(limit: 1000)).data.filter {
            $0.definition.source.kind == "series" && $0.definition.source.settings["series"] == .string(series)
        }
        return ModelPage(account: account, model: model, versions: versions.sorted { $0.version > $1.version }, explanations: explanations,
                         hourly: hourly, classes: counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, monitors: watching)
    }

    func render() -> String {
        let cards = [("Version", "\(model.version)"), ("Inputs", "\(model.inputs.count)"), ("Outputs", "\(model.outputs.count)"),
                     ("Nodes", "\(model.operators.reduce(0) { $0 + $1.nodes })"), ("Size", Self.size(model.byteCount))]
            .map { "<div class=\"card\"><div class=\"value\">\(HTML.escape($0.1))</div><div class=\"label\">\(HTML.escape($0.0))</div></div>" }.joined()
        let values = HTML.table(["", "Name", "Kind", "Type", "Shape"], model.inputs.map { ["input", HTML.escape($0.name), $0.kind, $0.elementType ?? "–", Self.shape($0)] }
            + model.outputs.map { ["output", HTML.escape($0.name), $0.kind, $0.elementType ?? "–", Self.shape($0)] }, empty: "No inputs or outputs.")
        let operators = model.operators.sorted { $0.nodes > $1.nodes }
        let chart = BarChart(categories: operators.map(\.operatorType), series: [BarSeries(name: "nodes", values: operators.map { Double($0.nodes) })],
                             xTitle: "operator", yTitle: "nodes", width: 560, height: 260)
        let facts = [("Producer", model.producer), ("IR version", "\(model.irVersion)"),
                     ("Operator sets", model.opsets.sorted { $0.key < $1.key }.map { "\($0.key.isEmpty ? "ai.onnx" : $0.key) \($0.value)" }.joined(separator: ", ")),
                     ("Features", model.features?.joined(separator: ", ") ?? "– (rows name the model's inputs)")]
            + model.metadata.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let factRows = HTML.table(["Property", "Value"], facts.map { [HTML.escape($0.0), HTML.escape($0.1)] }, empty: "")
        let versionRows = HTML.table(["Version", "ID", "SHA-256", "Uploaded"], versions.map { version in
            [version.id == model.id ? "<strong>\(version.version)</strong>" : HTML.link("/models/\(version.id.rawValue)", "\(version.version)"),
             "<code>\(version.id.rawValue)</code>", "<code>\(version.sha256.prefix(16))…</code>", HTML.time(version.createdAt)]
        }, empty: "No other versions.")
        let explanationRows = HTML.table(["Explained", "Explanation", "Rows", "Outputs", "Largest additivity error"], explanations.map { explanation in
            [HTML.time(explanation.createdAt), HTML.link("/explanations/\(explanation.id.rawValue)", explanation.method), "\(explanation.rowCount)",
             HTML.escape(explanation.outputs.map(\.name).joined(separator: ", ")), String(format: "%.1e", explanation.largestAdditivityError)]
        }, empty: "No stored explanations yet. Explain rows with `plexus model explain \(model.name)@\(model.version) --input rows.csv --background train.csv --store`.")
        let series = model.predictionSeries
        let volume = LineChart(
            series: [LineSeries(name: "predictions", points: hourly.map { ChartPoint(x: $0.start.timeIntervalSince1970, y: Double($0.count)) })],
            xTitle: "hour", yTitle: "predictions logged", height: 240,
            xLabel: { Date(timeIntervalSince1970: $0).formatted(.dateTime.month(.abbreviated).day().hour()) })
        let classChart = BarChart(categories: classes.map(\.label), series: [BarSeries(name: "predictions", values: classes.map { Double($0.count) })],
                                  xTitle: "predicted class", yTitle: "predictions", width: 560, height: 240)
        let logged = hourly.reduce(0) { $0 + $1.count }
        let predictionSection = logged == 0 && classes.isEmpty
            ? "<p class=\"empty\">" + HTML.withCode("No predictions logged in the last week. Predictions made with `POST /api/v1/models/\(model.name)/predict` are logged to the series `\(series)`.") + "</p>"
            : """
                <figure><figcaption>Predictions of \(HTML.escape(model.name)) logged per hour over the last week (\(logged) in all)</figcaption>\(volume.render())</figure>
                \(classes.isEmpty ? "" : "<figure><figcaption>Predicted classes of the latest \(classes.reduce(0) { $0 + $1.count }) logged predictions</figcaption>\(classChart.render())</figure>")
                """
        let monitorRows = HTML.table(["Monitor", "Schedule", "Enabled"], monitors.map { monitor in
            [HTML.link("/monitors/\(monitor.id.rawValue)", monitor.definition.name), HTML.escape(monitor.definition.schedule ?? "on demand"), monitor.definition.enabled ? "yes" : "no"]
        }, empty: "No monitor watches this model yet. Create one on the series `\(series)` (`source: {kind: series, series: \(series)}`) to be alerted when its inputs or predictions drift.")
        let description = model.description.map { "<p>\(HTML.escape($0))</p>" } ?? ""
        let title = "\(model.name) v\(model.version)"
        return PageFrame(
            title: title, crumbs: [.init(title: "Overview", href: "/"), .init(title: "Models", href: "/models"), .init(title: title, href: nil)],
            accountName: account.name
        ).render("""
            \(description)<div class="cards">\(cards)</div>
            <p class="muted digest">SHA-256 <code>\(model.sha256)</code> · uploaded \(HTML.time(model.createdAt))</p>
            <h2>Inputs and outputs</h2>\(values)
            <h2>Predictions</h2>\(predictionSection)
            <h2>Monitors</h2>\(monitorRows)
            <h2>Explanations</h2>\(explanationRows)
            <h2>Operators</h2><figure><figcaption>Nodes per operator</figcaption>\(chart.render())</figure>
            <h2>About</h2>\(factRows)
            <h2>Versions of \(HTML.escape(model.name))</h2>\(versionRows)
            <p class="muted">Predict with <code>POST /api/v1/models/\(model.id.rawValue)/predict</code>; explain with <code>plexus model explain \(HTML.escape(model.name))@\(model.version) --input rows.csv --background train.csv</code>.</p>
            """)
    }

    /// A shape as `?×6`.
    static func shape(_ value: RegisteredModel.Value) -> String {
        (value.shape ?? []).joined(separator: "×")
    }

    /// A byte count in B, KB or MB.
    static func size(_ bytes: Int) -> String {
        bytes < 1_024 ? "\(bytes) B" : bytes < 1_048_576 ? String(format: "%.1f KB", Double(bytes) / 1_024) : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
