import PlexusCore

/// The `logic` classifier type: a class computed from item metadata and earlier scores' results.
///
/// ```yaml
/// classifier:
///   type: logic
///   outcomes:
///     - class: Escalate
///       when: "metadata.duration_seconds > 600 and scores.resolved == 'No'"
///   default: OK
/// ```
/// See ``LogicExpression`` for the expression language.
public struct LogicClassifierKind: ClassifierKind {
    /// Creates the kind.
    public init() {}

    /// `logic`.
    public var type: String { "logic" }

    /// Every problem with the block: unknown fields, expressions that do not parse (with the
    /// column) and classes that are not the score's. Score keys are not checked here: the kind
    /// does not see the other scores.
    public func validate(_ settings: JSONValue, for score: ScoreDefinition) -> [SettingsProblem] {
        if case .failure(let list) = LogicSettings.read(settings, for: score) { return list.problems }
        return []
    }

    /// Builds the classifier; throws the block's problems if it does not validate.
    public func makeClassifier(_ settings: JSONValue, for score: ScoreDefinition, context: ClassifierContext) async throws -> any Classifier {
        LogicClassifier(settings: try LogicSettings.read(settings, for: score).get())
    }
}
