/// One value of a metric at one step.
public struct MLflowMetric: Sendable, Hashable, Codable {
    /// The metric's name, e.g. `accuracy`.
    public var key: String
    /// The value; NaN and infinities are sent as MLflow's `"NaN"`, `"Infinity"`, `"-Infinity"`.
    public var value: Double
    /// The step (e.g. epoch or batch number); 0 by default.
    public var step: Int64
    /// When the value was measured, in milliseconds since 1970; `nil` means "when logged".
    public var timestamp: Int64?

    /// A metric value at `step`.
    public init(key: String, value: Double, step: Int64 = 0, timestamp: Int64? = nil) {
        self.key = key
        self.value = value
        self.step = step
        self.timestamp = timestamp
    }
}
