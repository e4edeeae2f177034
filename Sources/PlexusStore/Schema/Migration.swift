/// One step of the schema: a version number and the statements that take the schema to it.
///
/// The SQL uses only types both databases understand the same way (TEXT, BIGINT, DOUBLE PRECISION);
/// times are microseconds since 1970 in BIGINT columns and JSON is TEXT, so one schema serves both.
struct Migration: Sendable {
    /// Versions start at 1 and increase by one.
    let version: Int
    /// Statements run in order inside one transaction.
    let statements: [String]
}
