/// A run of consecutive cells of one column, the unit a dataset is stored in: columnar, so a
/// statistic or drift check reads only the columns it needs, and bounded, so neither an upload
/// nor a read holds a whole file.
public struct DatasetChunk: Sendable, Equatable {
    /// The column's position in the dataset's schema.
    public let column: Int
    /// The chunk's position among the column's chunks (0, 1, …).
    public let index: Int
    /// The 0-based row of the first cell.
    public let firstRow: Int
    /// The cells as uploaded; nil where a JSON Lines record had no value for the column.
    public let cells: [String?]

    /// A chunk of `cells` starting at `firstRow`.
    public init(column: Int, index: Int, firstRow: Int, cells: [String?]) {
        self.column = column
        self.index = index
        self.firstRow = firstRow
        self.cells = cells
    }

    /// The cells in a compact binary form: per cell a LEB128 length plus one (0 for an absent
    /// cell), then its UTF-8 bytes.
    public var encodedCells: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(cells.reduce(0) { $0 + ($1?.utf8.count ?? 0) + 2 })
        for cell in cells {
            var length = cell.map { $0.utf8.count + 1 } ?? 0
            repeat {
                let low = UInt8(length & 0x7F)
                length >>= 7
                bytes.append(length > 0 ? low | 0x80 : low)
            } while length > 0
            if let cell { bytes += cell.utf8 }
        }
        return bytes
    }

    /// Reads cells written by ``encodedCells``; nil when the bytes are not in that form.
    public static func decodeCells(_ bytes: [UInt8]) -> [String?]? {
        var cells: [String?] = []
        var index = 0
        while index < bytes.count {
            var length = 0, shift = 0
            while true {
                guard index < bytes.count, shift < 63 else { return nil }
                let byte = bytes[index]
                index += 1
                length |= Int(byte & 0x7F) << shift
                shift += 7
                if byte & 0x80 == 0 { break }
            }
            if length == 0 {
                cells.append(nil)
                continue
            }
            guard length - 1 <= bytes.count - index else { return nil }
            cells.append(String(decoding: bytes[index ..< index + length - 1], as: UTF8.self))
            index += length - 1
        }
        return cells
    }
}
