import Foundation
import PlexusCore
import PlexusStore

/// `/explanations/{id}`: a stored explanation, charted as shap draws them: the mean |value| of
/// each feature over the rows, a beeswarm of every row's values, a waterfall of one row (`?row=`),
/// and a dependence plot of one feature (`?feature=`), for one output (`?output=`, a class).
struct ExplanationPage {
    /// The most features the set-wide charts show; the rest are left to the API's numbers.
    static let featureLimit = 20
    /// The most rows the table lists.
    static let rowListLimit = 100

    let account: Account
    let explanation: ModelExplanation
    let output: Int
    let row: Int
    let feature: Int

    static func load(_ store: SQLStore, account: Account, id: String, output: String?, row: String?, feature: String?) async throws -> ExplanationPage? {
        guard let explanation = try await store.explanation(id, accountID: account.id) else { return nil }
        let outputs = explanation.outputs.count
        // Binary models with both classes explained read best from the positive class.
        let chosenOutput = output.flatMap { name in explanation.outputs.firstIndex { $0.name == name } ?? Int(name) }
            ?? (outputs == 2 ? 1 : 0)
        let clampedOutput = max(0, min(chosenOutput, max(outputs - 1, 0)))
        let chosenRow = max(0, min(row.flatMap(Int.init) ?? 0, max(explanation.rows.count - 1, 0)))
        let importance = clampedOutput < explanation.meanAbsoluteValues.count ? explanation.meanAbsoluteValues[clampedOutput] : []
        let strongest = importance.indices.max { importance[$0] < importance[$1] } ?? 0
        let chosenFeature = feature.flatMap { name in explanation.features.firstIndex(of: name) } ?? strongest
        return ExplanationPage(account: account, explanation: explanation, output: clampedOutput, row: chosenRow, feature: chosenFeature)
    }

    func render() -> String {
        let e = explanation
        let id = e.id?.rawValue ?? ""
        let path = "/explanations/\(id)"
        let outputName = output < e.outputs.count ? e.outputs[output].name : "value"
        let space = output < e.outputs.count ? e.outputs[output].space : "value"
        let base = output < e.baseValues.count ? e.baseValues[output] : 0
        let valueName = e.method == "lime" ? "LIME weight" : "SHAP value"
        let cards = [(e.method, "Method"), ("\(e.rows.count)", "Rows"), ("\(e.features.count)", "Features"),
                     (SVG.number(base, decimals: 4), "Base value of \(outputName)"), (String(format: "%.1e", e.largestAdditivityError), "Largest additivity error")]
            .map { "<div class=\"card\"><div class=\"value\">\(HTML.escape($0.0))</div><div class=\"label\">\(HTML.escape($0.1))</div></div>" }.joined()

        let importance = output < e.meanAbsoluteValues.count ? e.meanAbsoluteValues[output] : []
        let order = importance.indices.sorted { importance[$0] > importance[$1] }.prefix(Self.featureLimit)
        let bars = FeatureBarChart(features: order.map { e.features[$0] }, values: order.map { importance[$0] }, title: "mean |\(valueName)| (\(space) of \(outputName))")
        let swarm = BeeswarmChart(features: order.map { e.features[$0] }, dots: order.map { feature in
            e.rows.map { row in
                BeeswarmChart.Dot(value: Self.value(row, output: output, feature: feature), feature: row.features.flatMap { feature < $0.count ? $0[feature] : nil })
            }
        }, title: "\(valueName) (effect on the \(space) of \(outputName))")

        let explained = row < e.rows.count ? e.rows[row] : nil
        let steps = e.features.indices.map { index in
            let shown = explained?.features.flatMap { index < $0.count ? $0[index] : nil }.map { " = " + SVG.number($0, decimals: 4) } ?? ""
            let condition = explained?.conditions.flatMap { index < $0.count ? $0[index] : nil }
            return WaterfallChart.Step(label: condition ?? e.features[index] + shown, value: explained.map { Self.value($0, output: output, feature: index) } ?? .nan)
        }
        let waterfallBase = e.method == "lime" ? (explained?.intercepts.flatMap { output < $0.count ? $0[output] : nil } ?? base) : base
        let waterfall = WaterfallChart(base: waterfallBase, steps: steps, title: "\(space) of \(outputName)")
        let featureName = feature < e.features.count ? e.features[feature] : ""
        let dependence = ScatterChart(points: e.rows.compactMap { row in
            guard let value = row.features.flatMap({ feature < $0.count ? $0[feature] : nil }) else { return nil }
            return (value, Self.value(row, output: output, feature: feature))
        }, xTitle: featureName, yTitle: "\(valueName) of \(featureName)")

        let outputChoice = e.outputs.count > 1 ? Self.select("output", label: "Output", options: e.outputs.map { ($0.name, "\($0.name) (\($0.space))") }, chosen: outputName) : ""
        let form = """
            <form class="search explanation-controls" method="get" action="\(HTML.escape(path))">
            \(outputChoice)
            <label for="row">Row</label> <input id="row" name="row" type="number" min="0" max="\(max(e.rows.count - 1, 0))" value="\(row)">
            \(Self.select("feature", label: "Feature", options: e.features.map { ($0, $0) }, chosen: featureName))
            <button type="submit">Show</button></form>
            """
        let rowList = e.rows.prefix(Self.rowListLimit).enumerated().map { index, item in
            [index == row ? "<strong>\(index)</strong>" : HTML.link("\(path)?\(Self.query(output: outputName, row: index, feature: featureName))", "\(index)"),
             output < item.outputs.count ? HTML.number(item.outputs[output], decimals: 4) : "–",
             HTML.escape(Self.topFeatures(item, names: e.features, output: output)), String(format: "%.1e", item.additivityError)]
        }
        let parameters = e.parameters.sorted { $0.key < $1.key }.map { [HTML.escape($0.key), "<code>\(HTML.escape(Self.describe($0.value)))</code>"] }
        let model = HTML.link("/models/\(e.model.id.rawValue)", "\(e.model.name) v\(e.model.version)")
        let title = "Explanation of \(e.model.name) v\(e.model.version)"
        return PageFrame(
            title: title, crumbs: [.init(title: "Overview", href: "/"), .init(title: "Models", href: "/models"),
                                   .init(title: "\(e.model.name) v\(e.model.version)", href: "/models/\(e.model.id.rawValue)"), .init(title: "Explanation", href: nil)],
            accountName: account.name
        ).render("""
            <p>\(model) · \(HTML.escape(e.method)) over \(e.rows.count) rows · stored \(e.createdAt.map { HTML.time($0) } ?? "–")</p>
            <div class="cards">\(cards)</div>
            \(form)
            <h2>Which features matter</h2><figure><figcaption>Mean |\(HTML.escape(valueName))| per feature over the \(e.rows.count) rows</figcaption>\(bars.render())</figure>
            <h2>How each feature pushes the \(HTML.escape(space))</h2><figure><figcaption>Every row's \(HTML.escape(valueName)) per feature, coloured by the row's value of the feature</figcaption>\(swarm.render())</figure>
            <h2>Why row \(row) got \(explained.flatMap { output < $0.outputs.count ? SVG.number($0.outputs[output], decimals: 4) : nil } ?? "its output")</h2>
            <figure><figcaption>From the \(e.method == "lime" ? "surrogate's intercept" : "base value (the mean over the background)") to row \(row)'s output, one feature at a time</figcaption>\(waterfall.render())</figure>
            <h2>How \(HTML.escape(featureName)) acts</h2><figure><figcaption>Dependence: \(HTML.escape(featureName))'s value across, its \(HTML.escape(valueName)) up, a dot per row</figcaption>\(dependence.render())</figure>
            <h2>Rows</h2>\(HTML.table(["Row", "Output", "Strongest features", "Additivity error"], rowList, empty: "No rows."))
            <h2>Settings</h2>\(HTML.table(["Parameter", "Value"], parameters, empty: "No settings."))
            <p class="muted">Read it as JSON with <code>GET /api/v1/explanations/\(HTML.escape(id))</code>.</p>
            """)
    }

    /// The value of `feature` for `output` in `row`.
    private static func value(_ row: ModelExplanation.Row, output: Int, feature: Int) -> Double {
        guard output < row.values.count, feature < row.values[output].count else { return .nan }
        return row.values[output][feature]
    }

    /// The row's three largest contributions, as `name +0.12`.
    private static func topFeatures(_ row: ModelExplanation.Row, names: [String], output: Int) -> String {
        guard output < row.values.count else { return "" }
        let values = row.values[output]
        return values.indices.sorted { abs(values[$0]) > abs(values[$1]) }.prefix(3).filter { $0 < names.count }
            .map { "\(names[$0]) \(values[$0] >= 0 ? "+" : "")\(SVG.number(values[$0], decimals: 3))" }.joined(separator: ", ")
    }

    private static func select(_ name: String, label: String, options: [(value: String, text: String)], chosen: String) -> String {
        let items = options.map { "<option value=\"\(HTML.escape($0.value))\"\($0.value == chosen ? " selected" : "")>\(HTML.escape($0.text))</option>" }.joined()
        return "<label for=\"\(name)\">\(label)</label> <select id=\"\(name)\" name=\"\(name)\">\(items)</select>"
    }

    private static func query(output: String, row: Int, feature: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#?")
        let encode = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        return "output=\(encode(output))&row=\(row)&feature=\(encode(feature))"
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case let .string(text): text
        case let .number(number): SVG.number(number, decimals: 6)
        case let .bool(flag): flag ? "true" : "false"
        case .null: "null"
        default: (try? String(decoding: JSONEncoder().encode(value), as: UTF8.self)) ?? ""
        }
    }
}
