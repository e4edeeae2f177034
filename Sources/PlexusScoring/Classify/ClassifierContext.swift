/// What classifiers may need beyond their settings when they are built: trained models, uploaded
/// ONNX models and the LLM runtime. Scoring runs create one context and share it among all classifiers.
public struct ClassifierContext: Sendable {
    /// The key of the scorecard being run (trained models are stored per scorecard and score).
    public var scorecardKey: String
    /// Where `ml` classifiers find their trained model artifacts.
    public var models: any ModelArtifactSource
    /// The chat-completions client `llm` classifiers share; `nil` when no LLM is configured.
    public var llm: ChatCompletionsClient?
    /// Where `onnx` classifiers find the uploaded models they name.
    public var registeredModels: any RegisteredModelSource

    /// Creates a context.
    public init(
        scorecardKey: String = "", models: any ModelArtifactSource = NoModelArtifacts(), llm: ChatCompletionsClient? = nil,
        registeredModels: any RegisteredModelSource = NoRegisteredModels()
    ) {
        self.scorecardKey = scorecardKey
        self.models = models
        self.llm = llm
        self.registeredModels = registeredModels
    }
}
