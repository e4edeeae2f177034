/// Encodes as `{"labels": [...], "counts": [[...]]}`; decoding checks the shape as
/// ``ConfusionMatrix/init(labels:counts:)`` does.
extension ConfusionMatrix: Codable {
    private enum CodingKeys: String, CodingKey {
        case labels, counts
    }

    /// Decodes labels and counts, rejecting a matrix that does not fit its labels.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let labels = try container.decode([String].self, forKey: .labels)
        let counts = try container.decode([[Int]].self, forKey: .counts)
        do {
            try self.init(labels: labels, counts: counts)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .counts, in: container, debugDescription: error.description)
        }
    }

    /// Encodes labels and counts.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(labels, forKey: .labels)
        try container.encode(counts, forKey: .counts)
    }
}
