/// Why an upload was refused. Bad rows are not errors: they are counted and reported, and the
/// rest of the file is kept.
public enum DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file holds no header (CSV) or no record (JSON Lines).
    case empty
    /// The file has a header (or keys) but not one data row: a dataset must hold data to be
    /// profiled, checked or compared.
    case noRows(columns: [String])
    /// Every record of the file was unreadable; `badRows` are the first of them, with their lines.
    case noReadableRows(badRowCount: Int, badRows: [BadRow])
    /// The schema override names columns the file does not have.
    case unknownColumns([String], available: [String])
    /// The file has more columns than a dataset may hold.
    case tooManyColumns(Int, limit: Int)
    /// A column too long to sort in memory could not be spilled to scratch space in `directory`.
    case scratchSpace(directory: String, reason: String)

    /// A message naming the offending value and what to do.
    public var description: String {
        switch self {
        case .empty:
            "The file holds no data; a CSV needs a header row and a JSON Lines file at least one object."
        case let .noRows(columns):
            "The file has the columns \(columns.map { "'\($0)'" }.joined(separator: ", ")) but no data rows; upload a file with at least one row under its header."
        case let .noReadableRows(count, badRows):
            "None of the file's \(count) records could be read, so nothing was stored: "
                + badRows.map { "line \($0.line): \($0.message)" }.joined(separator: "; ") + ". Fix those lines and upload again."
        case let .unknownColumns(names, available):
            "The schema names \(names.map { "'\($0)'" }.joined(separator: ", ")), which the file does not have; its columns are \(available.joined(separator: ", "))."
        case let .tooManyColumns(count, limit):
            "The file has \(count) columns; a dataset holds at most \(limit). Split it or drop columns."
        case let .scratchSpace(directory, reason):
            "Sorting a long column needs scratch space in \(directory), which failed (\(reason)); free disk space there or point TMPDIR at a disk with room, then upload again."
        }
    }
}
