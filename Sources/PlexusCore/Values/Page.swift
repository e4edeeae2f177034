/// One page of a listing and the cursor of the next page, if there is one.
public struct Page<Element: Sendable>: Sendable {
    /// The rows of this page.
    public var data: [Element]
    /// Pass this as `cursor` to get the next page; `nil` on the last page.
    public var nextCursor: String?

    /// Creates a page.
    public init(data: [Element], nextCursor: String?) {
        self.data = data
        self.nextCursor = nextCursor
    }
}

extension Page: Codable where Element: Codable {
    private enum CodingKeys: String, CodingKey { case data, nextCursor }

    /// Decodes `{"data":[…],"nextCursor":…}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        data = try container.decode([Element].self, forKey: .data)
        nextCursor = try container.decodeIfPresent(String.self, forKey: .nextCursor)
    }

    /// Encodes `{"data":[…],"nextCursor":…}` with an explicit null on the last page.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(data, forKey: .data)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
extension Page: Equatable where Element: Equatable {}
