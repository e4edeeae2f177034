import Foundation
import PlexusCore
import SQLKit

/// Typed column readers, so record mapping reads as a list of fields.
extension SQLRow {
    func string(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    func optionalString(_ column: String) throws -> String? { try decode(column: column, as: String?.self) }
    func int(_ column: String) throws -> Int { try decode(column: column, as: Int.self) }
    func optionalInt(_ column: String) throws -> Int? { try decode(column: column, as: Int?.self) }
    func optionalDouble(_ column: String) throws -> Double? { try decode(column: column, as: Double?.self) }
    func double(_ column: String) throws -> Double { try decode(column: column, as: Double.self) }
    func date(_ column: String) throws -> Date { Timestamp.date(try decode(column: column, as: Int64.self)) }
    func optionalDate(_ column: String) throws -> Date? { try decode(column: column, as: Int64?.self).map(Timestamp.date) }
    func json(_ column: String) throws -> JSONValue? { try JSONText.decode(optionalString(column), column: column) }
    func id<Entity>(_ column: String) throws -> Identifier<Entity> { Identifier(try string(column)) }
    func optionalID<Entity>(_ column: String) throws -> Identifier<Entity>? { try optionalString(column).map { Identifier($0) } }
}
