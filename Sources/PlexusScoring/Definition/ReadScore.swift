/// A score as read from the file, with the path it was read from, for checks that span scores.
struct ReadScore: Sendable, Hashable {
    /// Where the score was written, e.g. `sections[0].scores[2]`.
    var path: String
    /// The score, with defaults applied; fields that had problems hold placeholders.
    var definition: ScoreDefinition
}
