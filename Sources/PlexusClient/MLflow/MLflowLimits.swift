/// The limits an MLflow server enforces on `runs/log-batch` (see `mlflow/utils/validation.py`).
/// Lengths count Unicode code points, as Python's `len` does.
public struct MLflowLimits: Sendable, Hashable {
    /// Metrics per call; default 1000.
    public var metricsPerBatch: Int
    /// Params per call; default 100.
    public var paramsPerBatch: Int
    /// Tags per call; default 100.
    public var tagsPerBatch: Int
    /// Metrics, params and tags together per call; default 1000.
    public var entitiesPerBatch: Int
    /// Longest param value; default 6000 (the server silently cuts longer ones).
    public var paramValueLength: Int
    /// Longest tag value; default 8000 (the server silently cuts longer ones).
    public var tagValueLength: Int
    /// Longest metric, param or tag key; default 250.
    public var keyLength: Int

    /// The limits of MLflow 2.x and 3.x servers.
    public static let standard = MLflowLimits()

    /// Creates limits; every argument defaults to MLflow's own.
    public init(
        metricsPerBatch: Int = 1000, paramsPerBatch: Int = 100, tagsPerBatch: Int = 100, entitiesPerBatch: Int = 1000,
        paramValueLength: Int = 6000, tagValueLength: Int = 8000, keyLength: Int = 250
    ) {
        self.metricsPerBatch = metricsPerBatch
        self.paramsPerBatch = paramsPerBatch
        self.tagsPerBatch = tagsPerBatch
        self.entitiesPerBatch = entitiesPerBatch
        self.paramValueLength = paramValueLength
        self.tagValueLength = tagValueLength
        self.keyLength = keyLength
    }
}
