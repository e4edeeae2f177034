import NIOCore
import PostgresNIO

/// One column of a bulk insert as a PostgreSQL array in binary form, NULLs included (which
/// postgres-nio's own array encoding does not support).
struct PostgresColumnArray: PostgresThrowingDynamicTypeEncodable {
    let type: BulkInsert.ColumnType
    let values: [SQLValue]

    var psqlType: PostgresDataType {
        switch type {
        case .text: return .textArray
        case .bigint: return .int8Array
        case .double: return .float8Array
        }
    }

    var psqlFormat: PostgresFormat { .binary }

    private var elementType: PostgresDataType {
        switch type {
        case .text: return .text
        case .bigint: return .int8
        case .double: return .float8
        }
    }

    /// The binary array layout: dimensions, null flag, element type, then length-prefixed elements (-1 for NULL).
    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) throws {
        buffer.writeInteger(Int32(1))
        buffer.writeInteger(Int32(values.contains(.null) ? 1 : 0))
        buffer.writeInteger(elementType.rawValue)
        buffer.writeInteger(Int32(values.count))
        buffer.writeInteger(Int32(1))
        for value in values {
            try write(value, into: &buffer)
        }
    }

    private func write(_ value: SQLValue, into buffer: inout ByteBuffer) throws {
        switch (value, type) {
        case (.null, _):
            buffer.writeInteger(Int32(-1))
        case (.text(let text), .text):
            buffer.writeInteger(Int32(text.utf8.count))
            buffer.writeString(text)
        case (.integer(let number), .bigint):
            buffer.writeInteger(Int32(8))
            buffer.writeInteger(number)
        case (.real(let number), .double):
            buffer.writeInteger(Int32(8))
            buffer.writeInteger(number.bitPattern)
        default:
            throw StoreError.corruptValue(column: "\(type)", detail: "value \(value) does not match the column type")
        }
    }
}
