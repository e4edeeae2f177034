/// Cursors of listings ordered by version number, newest first: the version takes the place of
/// the time in ``Cursor``, so tokens look the same to callers.
enum VersionCursor {
    /// The cursor of the page after `rows` (version and ID of each), or `nil` when the page was not full.
    static func next(after rows: [(version: Int, id: String)], limit: Int) -> String? {
        guard rows.count == limit, let last = rows.last else { return nil }
        return Cursor(micros: Int64(last.version), id: last.id).token
    }
}
