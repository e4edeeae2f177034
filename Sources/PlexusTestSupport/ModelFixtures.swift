import PlexusScoring

/// Small real trained models, for tests that store and read model artifacts.
public enum ModelFixtures {
    /// The JSON artifact of a tiny Yes/No text model; different `variant`s give different models.
    public static func artifact(variant: Int = 1) throws -> String {
        let examples = (0..<12).map { index in
            (text: index % 2 == 0 ? "hello thank you for calling \(variant)" : "what do you want \(index)", label: index % 2 == 0 ? "Yes" : "No")
        }
        let model = try TextModelTrainer(settings: TextModelSettings(testSize: 0.25, seed: UInt64(variant))).train(examples)
        return String(decoding: try model.encoded(), as: UTF8.self)
    }
}
