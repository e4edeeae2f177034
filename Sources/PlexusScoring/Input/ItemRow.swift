/// One row of an input file: an item, or a problem that makes the row unusable.
public enum ItemRow: Sendable, Hashable {
    /// A readable item and the line it starts on.
    case item(InputItem, line: Int)
    /// A row that was reported and skipped.
    case problem(RowProblem)
}
