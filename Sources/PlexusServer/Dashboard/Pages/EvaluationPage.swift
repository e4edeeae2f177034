import PlexusCore
import PlexusStats
import PlexusStore

/// `/evaluations/{id}`: status, progress, metrics, confusion matrix, accuracy over processed items,
/// per-class precision and recall, and the mismatched items; follows the evaluation live.
struct EvaluationPage {
    let account: Account
    let evaluation: Evaluation
    let scorecard: Scorecard?
    let figures: EvaluationFigures
    let comparisonForm: ComparisonForm
    let names: DisplayNames

    /// The most results the page reads for its charts.
    static let resultLimit = 1000
    /// The most mismatched items listed.
    static let mismatchLimit = 50

    static func load(_ store: SQLStore, account: Account, id: String) async throws -> EvaluationPage? {
        guard let evaluation = try await store.evaluation(id, accountID: account.id) else { return nil }
        async let scorecard = store.scorecard(evaluation.scorecardId.rawValue, accountID: account.id)
        async let results = store.scoreResults(
            accountID: account.id, filter: ScoreResultFilter(evaluationId: evaluation.id), page: PageRequest(limit: resultLimit)).data
        async let comparisonForm = ComparisonForm.load(store, account: account, evaluation: evaluation)
        let figures = EvaluationFigures(results: try await results.reversed())
        let names = try await store.displayNames(
            scores: [Identifier<Score>](), items: figures.mismatches(limit: mismatchLimit).map(\.result.itemId), accountID: account.id)
        return EvaluationPage(account: account, evaluation: evaluation, scorecard: try await scorecard,
                              figures: figures, comparisonForm: try await comparisonForm, names: names)
    }

    private var score: Score? { evaluation.scoreId.flatMap { id in scorecard?.allScores.first { $0.id == id } } }

    func render() -> String {
        let crumbs: [PageFrame.Crumb] = [.init(title: "Overview", href: "/")]
            + (scorecard.map { [.init(title: $0.name, href: "/scorecards/\($0.key)")] } ?? [])
            + [.init(title: "Evaluation \(HTML.shortID(evaluation.id.rawValue))", href: nil)]
        let frame = PageFrame(title: "Evaluation \(HTML.shortID(evaluation.id.rawValue))", crumbs: crumbs, accountName: account.name,
                              live: ["live-evaluation": evaluation.id.rawValue])
        return frame.render([summary, metricsTable, comparisonForm.render(), charts, mismatchTable].joined(separator: "\n"))
    }

    private var summary: String {
        let total = evaluation.totalItems.map { " of \($0)" } ?? ""
        let error = evaluation.errorMessage.map { "<p class=\"error\">\(HTML.escape($0))</p>" } ?? ""
        return """
            <p><span class="status \(evaluation.status.rawValue)" id="status">\(evaluation.status.rawValue)</span>
            \(HTML.escape(evaluation.type)) · \(HTML.escape(score?.name ?? scorecard?.name ?? "")) ·
            <span id="processed">\(evaluation.processedItems)</span>\(total) items processed</p>
            <div class="progress" title="\(Int((evaluation.progress * 100).rounded()))%"><div id="progress" style="width:\(HTML.number(evaluation.progress * 100, decimals: 1))%"></div></div>
            \(error)
            """
    }

    /// Metric keys in display order with their names; others follow under their own keys.
    private static let metricNames: [(key: String, name: String)] = [
        ("precision", "Precision"), ("recall", "Recall (sensitivity)"), ("specificity", "Specificity"), ("f1", "F1"),
        ("kappa", "Cohen's kappa"), ("ac1", "Gwet's AC1"), ("mcc", "Matthews correlation"), ("total", "Items scored"),
        ("compared", "Items compared with a label"), ("leftOut", "Items left out (skipped or unlabelled)"),
        ("cost", "Cost (USD)"), ("positiveClass", "Positive class"),
    ]
    /// Metrics that count items, shown as whole numbers.
    private static let counts: Set<String> = ["total", "compared", "leftOut"]
    /// Keys that repeat another metric under a second name.
    private static let aliases: Set<String> = ["accuracy", "sensitivity"]

    private var metricsTable: String {
        let metrics = evaluation.metrics?.objectValue ?? [:]
        var rows: [[String]] = [["Accuracy", "<span id=\"accuracy\">\(HTML.number(evaluation.accuracy))</span>"]]
        for (key, name) in Self.metricNames {
            if let value = metrics[key] { rows.append([name, Self.display(value, decimals: Self.counts.contains(key) ? 0 : key == "cost" ? 4 : 3)]) }
        }
        let known = Set(Self.metricNames.map(\.key)).union(Self.aliases)
        for (key, value) in metrics.sorted(by: { $0.key < $1.key }) where !known.contains(key) {
            rows.append([Self.readable(key), Self.display(value)])
        }
        return "<h2>Metrics</h2>" + HTML.table(["Metric", "Value"], rows, empty: "")
    }

    /// A metric key sent by a client, `camelCase` or `snake_case`, as words: `Items left out`.
    private static func readable(_ key: String) -> String {
        var words = ""
        for character in key {
            if character == "_" { words += " " } else if character.isUppercase, !words.isEmpty { words += " " + character.lowercased() } else { words.append(character) }
        }
        return HTML.escape(words.prefix(1).uppercased() + words.dropFirst())
    }

    private static func display(_ value: JSONValue, decimals: Int = 3) -> String {
        value.numberValue.map { HTML.number($0, decimals: decimals) } ?? HTML.escape(value.stringValue ?? JSONDisplay.text(value))
    }

    private var charts: String {
        guard !figures.outcomes.isEmpty, let matrix = figures.matrix(classes: score?.classes ?? []) else {
            return "<h2>Charts</h2><p class=\"empty\">Charts appear once results with a known truth (metadata <code>trueValue</code>) arrive.</p>"
        }
        let metrics = ClassificationMetrics(matrix)
        let accuracy = LineChart(series: [LineSeries(name: "Accuracy", points: figures.accuracyCurve)],
                                 xTitle: "Items processed", yTitle: "Accuracy", yDomain: 0...1, width: 520, height: 280).render()
        let heatmap = Heatmap(rowLabels: matrix.labels, columnLabels: matrix.labels, counts: matrix.counts).render()
        let bars = BarChart(categories: metrics.perClass.map(\.label), series: [
            BarSeries(name: "Precision", values: metrics.perClass.map(\.precision)),
            BarSeries(name: "Recall", values: metrics.perClass.map(\.recall)),
        ], yTitle: "Score", yDomain: 0...1, width: 520, height: 280).render()
        return """
            <h2>Charts</h2><div class="charts">
            <div class="chart"><h3>Accuracy over processed items</h3>\(accuracy)</div>
            <div class="chart"><h3>Confusion matrix</h3>\(heatmap)</div>
            <div class="chart"><h3>Precision and recall per class</h3>\(bars)</div></div>
            """
    }

    private var mismatchTable: String {
        "<h2>Mismatches</h2>" + HTML.table(["Item", "Truth", "Predicted", "Confidence", "Explanation"], figures.mismatches(limit: Self.mismatchLimit).map { outcome in
            [HTML.itemLink(outcome.result.itemId, names), HTML.escape(outcome.truth),
             HTML.escape(outcome.result.value), HTML.number(outcome.result.confidence, decimals: 2), HTML.escape(outcome.result.explanation ?? "")]
        }, empty: "No mismatches.")
    }
}
