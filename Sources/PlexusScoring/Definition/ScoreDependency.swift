/// A score another score runs after: `depends_on: [{score: greeting, when: [Yes]}]`.
public struct ScoreDependency: Sendable, Hashable {
    /// The key of the score depended on.
    public var score: String
    /// Run only when that score's value is one of these; `nil` runs regardless of its value.
    public var when: [String]?

    /// Creates a dependency.
    public init(score: String, when: [String]? = nil) {
        self.score = score
        self.when = when
    }
}
