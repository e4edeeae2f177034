import PlexusScoring

extension ClassifierRegistry {
    /// Every built-in classifier type with `onnx` beside them: what the server and the CLI use.
    /// (``ClassifierRegistry/standard`` lives in PlexusScoring, which cannot see PlexusModels.)
    public static let withModels = ClassifierRegistry.standard.adding([
        ONNXClassifierKind(),
    ])
}
