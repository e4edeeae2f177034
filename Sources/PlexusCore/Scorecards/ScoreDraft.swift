/// What a caller sends to create or change a score.
public struct ScoreDraft: Sendable, Codable, Hashable {
    /// A key unique within the scorecard.
    public var key: String
    /// The display name; the key when omitted.
    public var name: String?
    /// The classes a result may take; `["Yes", "No"]` when omitted.
    public var classes: [String]?
    /// The positive class; the first class of a binary score when omitted.
    public var positiveClass: String?
    /// The classifier specification.
    public var classifier: JSONValue?

    /// Creates a score draft.
    public init(key: String, name: String? = nil, classes: [String]? = nil, positiveClass: String? = nil, classifier: JSONValue? = nil) {
        self.key = key
        self.name = name
        self.classes = classes
        self.positiveClass = positiveClass
        self.classifier = classifier
    }

    /// The classes with the default applied.
    public var resolvedClasses: [String] { classes ?? ["Yes", "No"] }

    /// The positive class with the default applied: binary scores default to their first class.
    public var resolvedPositiveClass: String? {
        positiveClass ?? (resolvedClasses.count == 2 ? resolvedClasses[0] : nil)
    }

    /// Checks the key, the classes and the positive class.
    public func validate(field: String) throws {
        try Validate.key(key, field: "\(field).key")
        let classes = resolvedClasses
        guard classes.count >= 2 else {
            throw DomainError.invalid(field: "\(field).classes", message: "A score needs at least two classes, e.g. [\"Yes\",\"No\"]; got \(classes.count).")
        }
        for (index, name) in classes.enumerated() {
            try Validate.nonBlank(name, field: "\(field).classes[\(index)]")
        }
        guard Set(classes).count == classes.count else {
            throw DomainError.invalid(field: "\(field).classes", message: "Classes must be distinct; got \(classes).")
        }
        if let positive = positiveClass, !classes.contains(positive) {
            throw DomainError.invalid(field: "\(field).positiveClass", message: "Positive class '\(positive)' is not one of the score's classes \(classes).")
        }
    }
}
