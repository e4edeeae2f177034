/// One question a scorecard asks of an item, such as "Did the agent greet the caller?".
public struct Score: Sendable, Codable, Hashable {
    /// The score's unique ID.
    public var id: Identifier<Score>
    /// A key unique within its scorecard, such as `greeting`.
    public var key: String
    /// The display name.
    public var name: String
    /// The classes a result may take, e.g. `["Yes", "No"]`.
    public var classes: [String]
    /// The class that counts as positive for precision, recall and F1; `nil` for multi-class scores.
    public var positiveClass: String?
    /// The classifier specification (free-form JSON until classifiers are typed).
    public var classifier: JSONValue?

    /// Creates a score value.
    public init(
        id: Identifier<Score>, key: String, name: String, classes: [String],
        positiveClass: String?, classifier: JSONValue?
    ) {
        self.id = id
        self.key = key
        self.name = name
        self.classes = classes
        self.positiveClass = positiveClass
        self.classifier = classifier
    }
}

extension Score {
    /// The value a result takes when its score did not run, e.g. because a `depends_on` condition
    /// was not met. Accepted for every score, whatever its classes.
    public static let skippedValue = "SKIPPED"

    /// Checks that a result's `value` is one of this score's classes (or ``skippedValue``),
    /// naming `field` and the classes when it is not. A score with no classes accepts any value.
    public func validate(resultValue value: String, field: String) throws {
        guard !classes.isEmpty, !classes.contains(value), value != Self.skippedValue else { return }
        let listed = classes.map { "'\($0)'" }.joined(separator: ", ")
        throw DomainError.invalid(field: field, message: "'\(value)' is not a class of score '\(key)'; send one of \(listed) (or \(Self.skippedValue) when the score did not run).")
    }
}

