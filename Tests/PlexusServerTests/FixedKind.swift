import PlexusCore
import PlexusScoring
import PlexusServer

/// A test-only classifier kind, `type: fixed` with `value: <class>`, so scorecard sources can be
/// pushed whatever classifier types the standard registry holds.
struct FixedKind: ClassifierKind {
    let type = "fixed"

    func validate(_ settings: JSONValue, for score: ScoreDefinition) -> [SettingsProblem] {
        guard let value = settings["value"]?.stringValue else { return [SettingsProblem(path: "value", message: "Give the class to answer.")] }
        return score.classes.contains(value) ? [] : [SettingsProblem(path: "value", message: "'\(value)' is not a class.")]
    }

    func makeClassifier(_ settings: JSONValue, for score: ScoreDefinition, context: ClassifierContext) async throws -> any Classifier {
        FixedClassifier(value: settings["value"]?.stringValue ?? "")
    }

    /// The validator the test servers use: the real parser, knowing only this kind.
    static let validator = ScorecardSourceValidator.parser(ScorecardParser(registry: ClassifierRegistry([FixedKind()])))
}

/// The classifier a ``FixedKind`` builds: always the same value.
struct FixedClassifier: Classifier {
    let value: String

    func classify(_ input: ClassifierInput) async throws -> Classification {
        Classification(value: value)
    }
}
