import PlexusCore

/// One classifier type, named by the `type:` of a score's `classifier` block.
///
/// A kind checks its settings when a scorecard is validated and builds a ``Classifier`` when the
/// scorecard runs. Adding a classifier type is one file conforming to this protocol plus one
/// line in ``ClassifierRegistry/standard``.
public protocol ClassifierKind: Sendable {
    /// The `type:` value that selects this kind, e.g. `rules`.
    var type: String { get }

    /// Every problem with `settings` (the whole classifier block, `type` included), with paths
    /// relative to the block, e.g. `rules[2].pattern`. Empty when the settings are valid.
    func validate(_ settings: JSONValue, for score: ScoreDefinition) -> [SettingsProblem]

    /// Builds the classifier for `score`; only called with settings that validated cleanly.
    func makeClassifier(_ settings: JSONValue, for score: ScoreDefinition, context: ClassifierContext) async throws -> any Classifier
}
