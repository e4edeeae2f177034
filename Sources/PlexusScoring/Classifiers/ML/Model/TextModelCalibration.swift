/// Temperature scaling fitted on the held-out texts: probabilities are `softmax(scores / temperature)`.
/// A temperature above 1 softens an overconfident model (naive Bayes usually is); 1 changes nothing.
public struct TextModelCalibration: Sendable, Hashable, Codable {
    /// The fitted temperature, > 0.
    public var temperature: Double
    /// How many held-out texts it was fitted on.
    public var fittedOn: Int

    /// Creates a calibration.
    public init(temperature: Double, fittedOn: Int) {
        self.temperature = temperature
        self.fittedOn = fittedOn
    }

    private enum CodingKeys: String, CodingKey {
        case temperature
        case fittedOn = "fitted_on"
    }
}
