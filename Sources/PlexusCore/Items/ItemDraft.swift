/// What a caller sends to create an item.
public struct ItemDraft: Sendable, Codable, Hashable {
    /// The caller's own ID, unique within the account.
    public var externalId: String
    /// The content; empty when omitted.
    public var text: String?
    /// Free-form attributes.
    public var metadata: JSONValue?

    /// Creates an item draft.
    public init(externalId: String, text: String? = nil, metadata: JSONValue? = nil) {
        self.externalId = externalId
        self.text = text
        self.metadata = metadata
    }

    /// The longest external ID accepted.
    public static let maximumExternalIdLength = 255

    /// Checks the external ID.
    public func validate(field: String) throws {
        try Validate.nonBlank(externalId, field: field.isEmpty ? "externalId" : "\(field).externalId")
        guard externalId.count <= Self.maximumExternalIdLength else {
            throw DomainError.invalid(field: field.isEmpty ? "externalId" : "\(field).externalId", message: "An external ID may be at most \(Self.maximumExternalIdLength) characters.")
        }
    }
}
