import Crypto
import Foundation
import PlexusCore

/// Turns an uploaded file, fed in pieces of any size, into columnar chunks and a summary, in
/// memory that does not grow with the file: only the chunk being filled, per-column tallies and
/// the hashes of rows (for duplicates) are kept.
public struct DatasetIngest: Sendable {
    /// Rows per chunk.
    public static let defaultChunkRows = 10_000
    /// Columns a dataset may hold.
    public static let columnLimit = 2_000
    /// Bad rows kept with their messages (all are counted).
    public static let badRowsKept = 100
    /// Duplicate rows are looked for among this many first rows, so memory stays bounded.
    public static let duplicateSearchLimit = 1_000_000

    private let format: DatasetFormat
    private let chunkRows: Int
    private var schemaOverride: [String: ColumnType]
    private var parser = DelimitedTextParser()
    private var lineBuffer: [UInt8] = []
    private var jsonLine = 0
    private var names: [String] = []
    private var columnIndex: [String: Int] = [:]
    private var tallies: [ColumnTally] = []
    private var pending: [[String?]] = []
    private var pendingFirstRow = 0
    private var chunkCounts: [Int] = []
    private var rowCount = 0
    private var badRowCount = 0
    private var badRows: [BadRow] = []
    private var hasher = SHA256()
    private var byteCount = 0
    private var rowHashes: [Int: Int] = [:]
    private var duplicateRowCount = 0
    private var duplicateExamples: [DuplicateRow] = []
    private var overflow: DatasetError?

    /// Prepares to read a file of `format`; `schema` forces the types of the columns it names.
    public init(format: DatasetFormat, schema: [String: ColumnType] = [:], chunkRows: Int = DatasetIngest.defaultChunkRows) {
        self.format = format
        schemaOverride = schema
        self.chunkRows = max(1, chunkRows)
    }

    /// Forces the types of the columns `schema` names (on top of any given before); for a schema
    /// that arrives after the file, as a form field may.
    public mutating func override(_ schema: [String: ColumnType]) {
        schemaOverride.merge(schema) { _, new in new }
    }

    /// Reads the next piece of the file; returns the chunks it completed, ready to store.
    public mutating func feed(_ bytes: some Collection<UInt8>) throws(DatasetError) -> [DatasetChunk] {
        let piece = Array(bytes)
        hasher.update(data: piece)
        byteCount += piece.count
        var completed: [DatasetChunk] = []
        switch format {
        case .csv:
            var events: [DelimitedTextParser.Event] = []
            parser.feed(piece) { events.append($0) }
            for event in events { handle(event, into: &completed) }
        case .jsonLines:
            for byte in piece {
                if byte == UInt8(ascii: "\n") {
                    readJSONLine(into: &completed)
                } else {
                    lineBuffer.append(byte)
                }
            }
        }
        if let overflow { throw overflow }
        return completed
    }

    /// Ends the file: returns the last chunks and the summary, or why the file cannot be a dataset.
    public mutating func finish() throws(DatasetError) -> (chunks: [DatasetChunk], summary: DatasetSummary) {
        var completed: [DatasetChunk] = []
        switch format {
        case .csv:
            var events: [DelimitedTextParser.Event] = []
            parser.finish { events.append($0) }
            for event in events { handle(event, into: &completed) }
        case .jsonLines: if !lineBuffer.isEmpty { readJSONLine(into: &completed) }
        }
        if let overflow { throw overflow }
        if rowCount == 0 {
            if badRowCount > 0 { throw .noReadableRows(badRowCount: badRowCount, badRows: Array(badRows.prefix(3))) }
            throw names.isEmpty ? .empty : .noRows(columns: names)
        }
        let unknown = schemaOverride.keys.filter { columnIndex[$0] == nil }.sorted()
        guard unknown.isEmpty else { throw .unknownColumns(unknown, available: names) }
        completed += flush()
        let columns = names.indices.map { index -> DatasetColumn in
            let inferred = tallies[index].inferredType
            let chosen = schemaOverride[names[index]] ?? inferred
            return DatasetColumn(name: names[index], type: chosen, inferredType: chosen == inferred ? nil : inferred)
        }
        let summary = DatasetSummary(
            columns: columns, rowCount: rowCount, badRowCount: badRowCount, badRows: badRows,
            sha256: hasher.finalize().map { String(format: "%02x", $0) }.joined(), byteCount: byteCount,
            duplicateRowCount: duplicateRowCount, duplicateExamples: duplicateExamples
        )
        return (completed, summary)
    }

    private mutating func handle(_ event: DelimitedTextParser.Event, into completed: inout [DatasetChunk]) {
        switch event {
        case let .malformed(line, message):
            recordBadRow(line: line, message)
        case let .record(fields, line):
            if names.isEmpty {
                setHeader(fields)
            } else if fields.count != names.count {
                recordBadRow(line: line, "Expected \(names.count) fields as in the header, found \(fields.count).")
            } else {
                append(fields.map { $0 }, into: &completed)
            }
        }
    }

    private mutating func readJSONLine(into completed: inout [DatasetChunk]) {
        jsonLine += 1
        defer { lineBuffer.removeAll(keepingCapacity: true) }
        if lineBuffer.last == UInt8(ascii: "\r") { lineBuffer.removeLast() }
        guard lineBuffer.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return }
        if jsonLine == 1, lineBuffer.starts(with: [0xEF, 0xBB, 0xBF]) { lineBuffer.removeFirst(3) }
        guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: Data(lineBuffer)) else {
            recordBadRow(line: jsonLine, "The line is not a JSON object; each line must hold one {…} record.")
            return
        }
        for key in object.keys.sorted() where columnIndex[key] == nil {
            addColumn(key)
        }
        guard overflow == nil else { return }
        var row = [String?](repeating: nil, count: names.count)
        for (key, value) in object {
            row[columnIndex[key] ?? 0] = Self.cell(value)
        }
        append(row, into: &completed)
    }

    /// A JSON value as a cell: strings as they are, numbers in plain form, nested values as JSON.
    static func cell(_ value: JSONValue) -> String? {
        switch value {
        case .null: nil
        case let .string(text): text
        case let .number(number): number.plainText
        case let .bool(flag): flag ? "true" : "false"
        case .array, .object: (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    private mutating func setHeader(_ fields: [String]) {
        for (position, field) in fields.enumerated() {
            let trimmed = field.trimmingCharacters(in: .whitespaces)
            addColumn(trimmed.isEmpty ? "column_\(position + 1)" : trimmed)
        }
    }

    /// Adds a column, renaming a repeated name as pandas does (`name.1`, `name.2`, …).
    private mutating func addColumn(_ proposed: String) {
        guard names.count < Self.columnLimit else {
            overflow = .tooManyColumns(names.count + 1, limit: Self.columnLimit)
            return
        }
        var name = proposed, suffix = 0
        while columnIndex[name] != nil {
            suffix += 1
            name = "\(proposed).\(suffix)"
        }
        columnIndex[name] = names.count
        names.append(name)
        tallies.append(ColumnTally())
        // A column first seen part-way through a JSON Lines file is absent from earlier rows.
        pending.append([String?](repeating: nil, count: rowCount - pendingFirstRow))
        chunkCounts.append(0)
    }

    private mutating func append(_ row: [String?], into completed: inout [DatasetChunk]) {
        for (index, cell) in row.enumerated() {
            pending[index].append(cell)
            tallies[index].add(cell)
        }
        for index in row.count ..< names.count {
            pending[index].append(nil)
            tallies[index].add(nil)
        }
        if rowCount < Self.duplicateSearchLimit {
            let hash = row.hashValue
            if let first = rowHashes[hash] {
                duplicateRowCount += 1
                if duplicateExamples.count < 20 { duplicateExamples.append(DuplicateRow(row: rowCount, firstRow: first)) }
            } else {
                rowHashes[hash] = rowCount
            }
        }
        rowCount += 1
        if rowCount - pendingFirstRow >= chunkRows { completed += flush() }
    }

    private mutating func flush() -> [DatasetChunk] {
        guard rowCount > pendingFirstRow else { return [] }
        var chunks: [DatasetChunk] = []
        for index in names.indices {
            chunks.append(DatasetChunk(column: index, index: chunkCounts[index], firstRow: pendingFirstRow, cells: pending[index]))
            chunkCounts[index] += 1
            pending[index].removeAll(keepingCapacity: true)
        }
        pendingFirstRow = rowCount
        return chunks
    }

    private mutating func recordBadRow(line: Int, _ message: String) {
        badRowCount += 1
        if badRows.count < Self.badRowsKept { badRows.append(BadRow(line: line, message: message)) }
    }
}
