import PlexusCore

/// One score of a scorecard as written in YAML: its question, classes and classifier.
public struct ScoreDefinition: Sendable, Hashable {
    /// A key unique within the scorecard, such as `greeting`.
    public var key: String
    /// The display name.
    public var name: String
    /// The classes a result may take.
    public var classes: [String]
    /// The class counted as positive for binary metrics; `nil` for multi-class scores.
    public var positiveClass: String?
    /// The scores this one runs after, optionally only when they took certain values.
    public var dependsOn: [ScoreDependency]
    /// The classifier block: `type` plus that type's settings.
    public var classifier: JSONValue

    /// Creates a score definition.
    public init(key: String, name: String, classes: [String], positiveClass: String?, dependsOn: [ScoreDependency] = [], classifier: JSONValue) {
        self.key = key
        self.name = name
        self.classes = classes
        self.positiveClass = positiveClass
        self.dependsOn = dependsOn
        self.classifier = classifier
    }

    /// The classifier's `type:`, or `nil` when missing.
    public var classifierType: String? { classifier.objectValue?["type"]?.stringValue }
}
