/// A score as read from the file, with the paths it was read from, for checks that span scores.
struct ReadScore: Sendable, Hashable {
    /// Where the score was written, e.g. `sections[0].scores[2]`.
    var path: String
    /// The score, with defaults applied; fields that had problems hold placeholders.
    var definition: ScoreDefinition
    /// Where each of `definition.dependsOn` was written, e.g. `sections[0].scores[2].depends_on[1]`
    /// (entries with problems are left out, so indexes may differ from the file's).
    var dependencyPaths: [String]
    /// Whether `definition.classes` are the classes as written and valid, rather than a placeholder.
    var classesValid: Bool
}
