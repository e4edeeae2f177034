/// What an upload has seen of one column so far, enough to infer its type at the end without
/// keeping its values: how many cells fit each type, and the distinct values up to a cap.
struct ColumnTally: Sendable {
    /// Distinct values are counted exactly up to this many; beyond it the column is text.
    static let distinctCap = 10_000

    private(set) var present = 0
    private(set) var missing = 0
    private(set) var integers = 0
    private(set) var floats = 0
    private(set) var booleans = 0
    private(set) var datetimes = 0
    private(set) var totalLength = 0
    private(set) var distinct: Set<String> = []
    private(set) var distinctOverflowed = false

    /// Counts one cell.
    mutating func add(_ cell: String?) {
        guard let cell, !Cell.isMissing(cell) else {
            missing += 1
            return
        }
        present += 1
        totalLength += cell.utf8.count
        if !distinctOverflowed {
            distinct.insert(cell)
            if distinct.count > Self.distinctCap {
                distinctOverflowed = true
                distinct = []
            }
        }
        if Cell.integer(cell) != nil {
            integers += 1
            floats += 1
        } else if Cell.float(cell) != nil {
            floats += 1
        } else if Cell.boolean(cell) != nil {
            booleans += 1
        } else if Cell.datetime(cell) != nil {
            datetimes += 1
        }
    }

    /// The column's type: a numeric, date-time or boolean type when at least 90% of present cells
    /// fit it (the rest are reported as mixed types), else categorical when there are at most
    /// max(20, half the present cells) distinct values (and no more than the cap) of at most 200
    /// bytes on average, else text. A column with no values at all is text.
    var inferredType: ColumnType {
        guard present > 0 else { return .text }
        let enough = Double(present) * 0.9
        if Double(floats) >= enough { return integers == floats ? .integer : .float }
        if Double(datetimes) >= enough { return .datetime }
        if Double(booleans) >= enough { return .boolean }
        let averageLength = Double(totalLength) / Double(present)
        if !distinctOverflowed, distinct.count <= max(20, present / 2), averageLength <= 200 { return .categorical }
        return .text
    }
}
