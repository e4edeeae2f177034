/// Which stored items a scoring job scores: JSON `"unscored"`, `"all"`, or a list of external IDs.
public enum JobItemSelection: Sendable, Hashable, Codable {
    /// Items no version of the scorecard has scored yet for the selected scores.
    case unscored
    /// Every item of the account (items this version already scored are still skipped on resume).
    case all
    /// These items, by external ID.
    case listed([String])

    /// Reads `"unscored"`, `"all"` or an array of external IDs.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let ids = try? container.decode([String].self) {
            self = .listed(ids)
            return
        }
        switch try container.decode(String.self) {
        case "unscored": self = .unscored
        case "all": self = .all
        case let other:
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "items must be \"unscored\", \"all\" or a list of item external IDs; got \"\(other)\"."))
        }
    }

    /// Writes `"unscored"`, `"all"` or the array of external IDs.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .unscored: try container.encode("unscored")
        case .all: try container.encode("all")
        case .listed(let ids): try container.encode(ids)
        }
    }
}
