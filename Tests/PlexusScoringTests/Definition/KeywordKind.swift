import PlexusCore
import PlexusScoring

/// A test-only classifier kind: `type: keyword` with `outcomes: [{value: <class>, when: <phrase>}]`;
/// the first outcome whose phrase the text contains wins, else the score's last class.
struct KeywordKind: ClassifierKind {
    let type = "keyword"

    func validate(_ settings: JSONValue, for score: ScoreDefinition) -> [SettingsProblem] {
        guard case .array(let outcomes) = settings["outcomes"] ?? .null else {
            return [SettingsProblem(path: "outcomes", message: "List the outcomes.")]
        }
        return outcomes.enumerated().flatMap { index, outcome in
            var problems: [SettingsProblem] = []
            if let value = outcome["value"]?.stringValue, !score.classes.contains(value) {
                problems.append(SettingsProblem(path: "outcomes[\(index)].value", message: "'\(value)' is not a class."))
            }
            if (outcome["when"]?.stringValue ?? "").isEmpty {
                problems.append(SettingsProblem(path: "outcomes[\(index)].when", message: "Give a phrase."))
            }
            return problems
        }
    }

    func makeClassifier(_ settings: JSONValue, for score: ScoreDefinition, context: ClassifierContext) async throws -> any Classifier {
        KeywordClassifier(settings: settings, fallback: score.classes.last ?? "")
    }
}

/// The classifier a ``KeywordKind`` builds.
struct KeywordClassifier: Classifier {
    let settings: JSONValue
    let fallback: String

    func classify(_ input: ClassifierInput) async throws -> Classification {
        guard case .array(let outcomes) = settings["outcomes"] ?? .null else { return Classification(value: fallback) }
        let match = outcomes.first { input.item.text.contains($0["when"]?.stringValue ?? "\u{0}") }
        return Classification(value: match?["value"]?.stringValue ?? fallback)
    }
}

/// A parser that knows only the test kind.
func testParser() -> ScorecardParser {
    ScorecardParser(registry: ClassifierRegistry([KeywordKind()]))
}

/// The diagnostics for `yaml`, or none when it parses.
func diagnostics(_ yaml: String, file: String = "call-qa.yaml") -> [ScorecardDiagnostic] {
    do {
        _ = try testParser().parse(yaml, file: file)
        return []
    } catch {
        return error.diagnostics
    }
}
