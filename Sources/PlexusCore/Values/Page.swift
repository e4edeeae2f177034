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

extension Page: Codable where Element: Codable {}
extension Page: Equatable where Element: Equatable {}
