/// The paging arguments of a list query without filters, such as `listScorecards`.
struct ListArguments: Decodable, Sendable {
    /// Rows per page, 1–1000; 100 when omitted.
    let limit: Int?
    /// The `nextToken` of the previous page; omitted for the first page.
    let nextToken: String?
}
