/// Which page of a listing to return.
public struct PageRequest: Sendable, Hashable {
    /// The page size used when none is given.
    public static let defaultLimit = 100
    /// The largest page size accepted.
    public static let maximumLimit = 1000

    /// How many rows at most.
    public var limit: Int
    /// The `nextCursor` of the previous page, or `nil` for the first page.
    public var cursor: String?

    /// Creates a page request, checking the limit's range.
    public init(limit: Int? = nil, cursor: String? = nil) throws {
        let limit = limit ?? Self.defaultLimit
        guard (1...Self.maximumLimit).contains(limit) else {
            throw DomainError.invalid(field: "limit", message: "limit must be between 1 and \(Self.maximumLimit); got \(limit).")
        }
        self.limit = limit
        self.cursor = cursor
    }

    private init(uncheckedLimit: Int) {
        limit = uncheckedLimit
        cursor = nil
    }

    /// The first page with the default size.
    public static let first = PageRequest(uncheckedLimit: defaultLimit)
}
