import PlexusCore

/// The `fuzzy` classifier type: scripted phrases that may be said imperfectly, matched without an LLM.
///
/// ```yaml
/// classifier:
///   type: fuzzy
///   scope: agent
///   phrases: ["this call may be recorded for quality and training purposes"]
///   method: token_set        # or edit_distance
///   threshold: 0.8
///   match: all               # or any
///   matched_class: Yes
///   unmatched_class: No
/// ```
public struct FuzzyClassifierKind: ClassifierKind {
    /// Creates the kind.
    public init() {}

    /// `fuzzy`.
    public var type: String { "fuzzy" }

    /// Every problem with the block: unknown fields, phrases without words, unknown methods or
    /// match modes, a threshold outside (0, 1], and classes that are not the score's.
    public func validate(_ settings: JSONValue, for score: ScoreDefinition) -> [SettingsProblem] {
        if case .failure(let list) = FuzzySettings.read(settings, for: score) { return list.problems }
        return []
    }

    /// Builds the classifier; throws the block's problems if it does not validate.
    public func makeClassifier(_ settings: JSONValue, for score: ScoreDefinition, context: ClassifierContext) async throws -> any Classifier {
        FuzzyClassifier(settings: try FuzzySettings.read(settings, for: score).get())
    }
}
