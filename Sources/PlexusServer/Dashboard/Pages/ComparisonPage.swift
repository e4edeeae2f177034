import Hummingbird
import PlexusCore
import PlexusStore

/// `/evaluations/{id}/compare/{candidate}`: the candidate evaluation against the baseline `{id}` on
/// the items both judged: accuracies, the difference with its interval, McNemar's test, and a verdict.
struct ComparisonPage {
    let account: Account
    let baselineID: String
    let candidateID: String
    /// The comparison, or why there is none (the evaluations share no judged item).
    let outcome: Result<EvaluationComparison, APIError>

    /// The page, or `nil` when either evaluation is not the account's.
    static func load(_ store: SQLStore, account: Account, baselineID: String, candidateID: String) async throws -> ComparisonPage? {
        do {
            let comparison = try await EvaluationComparison.load(store, accountID: account.id, baselineID: baselineID, candidateID: candidateID)
            return ComparisonPage(account: account, baselineID: baselineID, candidateID: candidateID, outcome: .success(comparison))
        } catch let error as APIError where error.status == .notFound {
            return nil
        } catch let error as APIError where error.status == .unprocessableContent {
            return ComparisonPage(account: account, baselineID: baselineID, candidateID: candidateID, outcome: .failure(error))
        }
    }

    /// 422 when the evaluations cannot be compared, as the API answers.
    var status: HTTPResponse.Status {
        if case .failure(let error) = outcome { return error.status }
        return .ok
    }

    func render() -> String {
        let title = "Evaluation \(HTML.shortID(candidateID)) against \(HTML.shortID(baselineID))"
        let frame = PageFrame(title: title, crumbs: [
            .init(title: "Overview", href: "/"),
            .init(title: "Evaluation \(HTML.shortID(baselineID))", href: "/evaluations/\(baselineID)"),
            .init(title: "Comparison", href: nil),
        ], accountName: account.name)
        switch outcome {
        case .success(let comparison): return frame.render(content(comparison))
        case .failure(let error): return frame.render("<p class=\"error\">\(HTML.escape(error.message))</p>")
        }
    }

    private func content(_ comparison: EvaluationComparison) -> String {
        let sides = HTML.table(["", "Evaluation", "Score", "Accuracy on common items"], [
            ["Baseline"] + side(comparison.baseline), ["Candidate"] + side(comparison.candidate),
        ], empty: "")
        let interval = comparison.interval
        let statistics = HTML.table(["Statistic", "Value"], [
            ["Items compared", "<span id=\"items\">\(comparison.items)</span>"],
            ["Items evaluated by only one run (left out)", "\(comparison.unmatched)"],
            ["Accuracy difference (candidate − baseline)", "<span id=\"difference\">\(Self.signed(comparison.difference))</span>"],
            ["\(HTML.number(interval.confidence * 100, decimals: 0))% paired-bootstrap interval (\(interval.resamples) resamples)",
             "<span id=\"interval\">[\(Self.signed(interval.lower)), \(Self.signed(interval.upper))]</span>"],
            ["Only the baseline right", "\(comparison.mcNemar.baselineOnlyCorrect)"],
            ["Only the candidate right", "\(comparison.mcNemar.candidateOnlyCorrect)"],
            ["McNemar exact p-value", "<span id=\"exact-p\">\(Self.pValue(comparison.mcNemar.exactPValue))</span>"],
            ["McNemar chi-square (continuity-corrected)", HTML.number(comparison.mcNemar.chiSquare, decimals: 3)],
            ["McNemar chi-square p-value", Self.pValue(comparison.mcNemar.chiSquarePValue)],
        ], empty: "")
        return "\(sides)\n<h2>Statistics</h2>\(statistics)\n<p class=\"verdict\" id=\"verdict\">\(HTML.escape(Self.verdict(comparison)))</p>"
    }

    private func side(_ side: EvaluationComparison.Side) -> [String] {
        [HTML.link("/evaluations/\(side.id)", HTML.shortID(side.id)), HTML.escape(side.scoreKey ?? "–"), HTML.number(side.accuracy, decimals: 4)]
    }

    /// One sentence saying whether the difference is more than chance.
    static func verdict(_ comparison: EvaluationComparison) -> String {
        let p = pValue(comparison.mcNemar.exactPValue)
        let level = "\(HTML.number(EvaluationComparison.alpha * 100, decimals: 0))%"
        guard comparison.significant else {
            return "The difference is not significant at the \(level) level (McNemar exact p = \(p)): it could be chance."
        }
        let direction = comparison.difference >= 0 ? "more" : "less"
        return "The candidate is significantly \(direction) accurate than the baseline at the \(level) level (McNemar exact p = \(p))."
    }

    private static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + HTML.number(value, decimals: 4)
    }

    private static func pValue(_ value: Double) -> String {
        String(format: "%.4g", value)
    }
}
