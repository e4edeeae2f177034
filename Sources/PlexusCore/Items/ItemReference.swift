/// Names an item either by its Plexus ID or by the caller's external ID.
public enum ItemReference: Sendable, Hashable, Codable {
    /// The item's Plexus ID.
    case id(Identifier<Item>)
    /// The caller's external ID; an unknown one creates the item on the fly when recording results.
    case externalId(String)

    /// The string the caller used.
    public var value: String {
        switch self {
        case .id(let id): return id.rawValue
        case .externalId(let externalId): return externalId
        }
    }
}
