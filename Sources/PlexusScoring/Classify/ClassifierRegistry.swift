/// The classifier types a scorecard may name, by their `type:`.
public struct ClassifierRegistry: Sendable {
    private let kinds: [String: any ClassifierKind]

    /// Creates a registry of `kinds`; a later kind with the same type replaces an earlier one.
    public init(_ kinds: [any ClassifierKind]) {
        var byType: [String: any ClassifierKind] = [:]
        for kind in kinds { byType[kind.type] = kind }
        self.kinds = byType
    }

    /// Every built-in classifier type.
    public static let standard = ClassifierRegistry([
        RulesClassifierKind(),
        LogicClassifierKind(),
        FuzzyClassifierKind(),
        LLMClassifierKind(),
        MLClassifierKind(),
    ])

    /// This registry with `kinds` beside its own (a kind of the same type replaces its own), for
    /// targets that add classifier types PlexusScoring cannot see.
    public func adding(_ kinds: [any ClassifierKind]) -> ClassifierRegistry {
        ClassifierRegistry(Array(self.kinds.values) + kinds)
    }

    /// The kind named `type`, if registered.
    public func kind(_ type: String) -> (any ClassifierKind)? { kinds[type] }

    /// The registered type names, sorted, for error messages.
    public var types: [String] { kinds.keys.sorted() }
}
