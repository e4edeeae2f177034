/// One value of a bulk-inserted row, in the few types the schema uses.
public enum SQLValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case real(Double)
    case null

    /// Text, or NULL for `nil`.
    static func text(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
    /// An integer, or NULL for `nil`.
    static func integer(_ value: Int?) -> SQLValue { value.map { .integer(Int64($0)) } ?? .null }
    /// A double, or NULL for `nil`.
    static func real(_ value: Double?) -> SQLValue { value.map(SQLValue.real) ?? .null }
}
