/// What classifiers may need beyond their settings when they are built: trained models and the
/// LLM runtime. Scoring runs create one context and share it among all classifiers.
public struct ClassifierContext: Sendable {
    /// Where `ml` classifiers find their trained model artifacts.
    public var models: any ModelArtifactSource

    /// Creates a context.
    public init(models: any ModelArtifactSource = NoModelArtifacts()) {
        self.models = models
    }
}
