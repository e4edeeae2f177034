/// How a content pipeline handled one item.
public enum ProcessingType: String, Sendable, Hashable, CaseIterable, Codable {
    /// Every stage ran.
    case full
    /// The quality stages were bypassed (counted as `quality_bypassed`).
    case lightweight
    /// Processing stopped at a checkpoint once the outcome was clear enough.
    case earlyExit = "early_exit"

    /// Decodes the wire form; an unknown value names the allowed ones, so the API's 400 says what to send.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = ProcessingType(rawValue: text) else {
            let allowed = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Must be one of \(allowed); got '\(text)'.")
        }
        self = value
    }
}
