import Foundation

/// What a dataset column holds, inferred from its values or set by the uploader.
public enum ColumnType: String, Sendable, Codable, CaseIterable {
    /// Whole numbers.
    case integer
    /// Real numbers.
    case float
    /// true/false, yes/no.
    case boolean
    /// A limited set of labels.
    case categorical
    /// Free text: many distinct or long values.
    case text
    /// ISO 8601 dates and times.
    case datetime

    /// Whether the values are numbers, so they are summarised by moments and quantiles and
    /// compared by the numeric drift tests (datetimes count as seconds since 1970).
    public var isNumeric: Bool { self == .integer || self == .float || self == .datetime }

    /// The cell's value as a number in this type's terms, or nil when the cell does not fit it
    /// (or the type is not numeric).
    public func number(_ cell: String) -> Double? {
        switch self {
        case .integer: Cell.integer(cell).map(Double.init)
        case .float: Cell.float(cell)
        case .datetime: Cell.datetime(cell)
        case .boolean, .categorical, .text: nil
        }
    }

    /// Whether `cell` (present, not missing) is a value of this type.
    public func fits(_ cell: String) -> Bool {
        switch self {
        case .integer: Cell.integer(cell) != nil
        case .float: Cell.float(cell) != nil
        case .datetime: Cell.datetime(cell) != nil
        case .boolean: Cell.boolean(cell) != nil
        case .categorical, .text: true
        }
    }
}
