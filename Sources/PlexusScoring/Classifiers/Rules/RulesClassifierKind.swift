import PlexusCore

/// The `rules` classifier type: outcomes decided by phrases and regular expressions, first match wins.
///
/// ```yaml
/// classifier:
///   type: rules
///   scope: agent
///   outcomes:
///     - class: Yes
///       when: {any: [{phrase: "thank you for calling"}, {regex: "my name is \\w+"}]}
///   default: No
/// ```
public struct RulesClassifierKind: ClassifierKind {
    /// Creates the kind.
    public init() {}

    /// `rules`.
    public var type: String { "rules" }

    /// Every problem with the block: unknown fields, empty or ambiguous conditions, invalid regular
    /// expressions and classes that are not the score's.
    public func validate(_ settings: JSONValue, for score: ScoreDefinition) -> [SettingsProblem] {
        if case .failure(let list) = RulesSettings.read(settings, for: score) { return list.problems }
        return []
    }

    /// Builds the classifier; throws the block's problems if it does not validate.
    public func makeClassifier(_ settings: JSONValue, for score: ScoreDefinition, context: ClassifierContext) async throws -> any Classifier {
        RulesClassifier(settings: try RulesSettings.read(settings, for: score).get())
    }
}
