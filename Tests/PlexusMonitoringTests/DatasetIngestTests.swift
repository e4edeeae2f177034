import PlexusMonitoring
import Testing

@Suite("Dataset ingest")
struct DatasetIngestTests {
    /// Ingests `text` in pieces, returning every chunk and the summary.
    private func ingest(_ text: String, format: DatasetFormat = .csv, schema: [String: ColumnType] = [:], chunkRows: Int = 2) throws -> ([DatasetChunk], DatasetSummary) {
        var ingest = DatasetIngest(format: format, schema: schema, chunkRows: chunkRows)
        var chunks: [DatasetChunk] = []
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: 5) {
            chunks += try ingest.feed(bytes[start ..< min(start + 5, bytes.count)])
        }
        let (last, summary) = try ingest.finish()
        return (chunks + last, summary)
    }

    private func cells(_ chunks: [DatasetChunk], column: Int) -> [String?] {
        chunks.filter { $0.column == column }.sorted { $0.index < $1.index }.flatMap(\.cells)
    }

    @Test("Types are inferred per column")
    func inference() throws {
        let csv = """
        n,x,flag,when,channel,note
        1,1.5,yes,2026-12-01,email,the caller asked about a refund for order 1
        2,2,no,2026-12-02T10:30:00Z,chat,the caller asked about shipping times for order 2
        3,-4e2,yes,2026-12-03 08:00,email,a different sentence entirely number 3
        4,,no,2026-12-04,email,yet another free text remark, number 4

        """
        let (_, summary) = try ingest(csv)
        let types = Dictionary(uniqueKeysWithValues: summary.columns.map { ($0.name, $0.type) })
        #expect(types["n"] == .integer)
        #expect(types["x"] == .float)
        #expect(types["flag"] == .boolean)
        #expect(types["when"] == .datetime)
        #expect(types["channel"] == .categorical)
        #expect(summary.badRowCount == 1, "the last line has a comma inside unquoted text, so it has 7 fields")
        #expect(summary.badRows.first?.line == 5)
        #expect(summary.rowCount == 3)
    }

    @Test("Rows land in columnar chunks of the chosen size, in order")
    func chunks() throws {
        let (chunks, summary) = try ingest("a,b\n1,x\n2,y\n3,z\n")
        #expect(summary.rowCount == 3)
        #expect(chunks.count == 4, "two chunks per column: 2 rows and 1 row")
        #expect(cells(chunks, column: 0) == ["1", "2", "3"])
        #expect(cells(chunks, column: 1) == ["x", "y", "z"])
        #expect(chunks.first { $0.column == 1 && $0.index == 1 }?.firstRow == 2)
    }

    @Test("The summary records the file's SHA-256 and size")
    func digest() throws {
        let (_, summary) = try ingest("a\n1\n")
        #expect(summary.byteCount == 4)
        #expect(summary.sha256 == "309b0e45a73d3fc5325e2b6ed0a01ef8b9cde6b05a5633c1f893f970d52bfddc", "printf 'a\\n1\\n' | sha256sum")
    }

    @Test("A schema override wins over inference and keeps what was inferred")
    func override() throws {
        let (_, summary) = try ingest("zip,n\n02134,1\n10001,2\n", schema: ["zip": .categorical])
        #expect(summary.columns[0] == DatasetColumn(name: "zip", type: .categorical, inferredType: .integer))
        #expect(summary.columns[1] == DatasetColumn(name: "n", type: .integer))
    }

    @Test("An override naming an absent column is refused with the columns there are")
    func unknownOverride() {
        #expect(throws: DatasetError.unknownColumns(["colour"], available: ["a", "b"])) {
            try ingest("a,b\n1,2\n", schema: ["colour": .categorical])
        }
    }

    @Test("An empty file is refused")
    func empty() {
        #expect(throws: DatasetError.empty) { try ingest("") }
        #expect(throws: DatasetError.empty) { try ingest("\n\n", format: .jsonLines) }
    }

    @Test("A header with no rows, or a file whose every record is unreadable, is refused with what was wrong")
    func noRows() {
        #expect(throws: DatasetError.noRows(columns: ["{}"])) { try ingest("{}") }
        #expect(throws: DatasetError.noRows(columns: ["a", "b"])) { try ingest("a,b\n") }
        #expect(throws: DatasetError.noReadableRows(badRowCount: 2, badRows: [
            BadRow(line: 1, message: "The line is not a JSON object; each line must hold one {…} record."),
            BadRow(line: 2, message: "The line is not a JSON object; each line must hold one {…} record."),
        ])) { try ingest("0\n[]\n", format: .jsonLines) }
    }

    @Test("Repeated and blank header names are made unique as pandas does")
    func headerNames() throws {
        let (_, summary) = try ingest("a,a,,a\n1,2,3,4\n")
        #expect(summary.columns.map(\.name) == ["a", "a.1", "column_3", "a.2"])
    }

    @Test("Exact duplicate rows are counted with the row they repeat")
    func duplicates() throws {
        let (_, summary) = try ingest("a,b\n1,x\n2,y\n1,x\n1,x\n")
        #expect(summary.duplicateRowCount == 2)
        #expect(summary.duplicateExamples.first?.row == 2)
        #expect(summary.duplicateExamples.first?.firstRow == 0)
    }

    @Test("JSON Lines: keys become columns, late keys are missing earlier, bad lines are counted by line")
    func jsonLines() throws {
        let text = """
        {"id": 1, "channel": "email"}
        not json
        {"id": 2, "channel": "chat", "score": 0.5, "tags": ["a", "b"], "ok": true}

        {"id": 3, "channel": null}
        """
        let (chunks, summary) = try ingest(text, format: .jsonLines, chunkRows: 10)
        #expect(summary.rowCount == 3)
        #expect(summary.badRows == [BadRow(line: 2, message: "The line is not a JSON object; each line must hold one {…} record.")])
        let names = summary.columns.map(\.name)
        #expect(names == ["channel", "id", "ok", "score", "tags"])
        #expect(cells(chunks, column: 1) == ["1", "2", "3"])
        #expect(cells(chunks, column: 0) == ["email", "chat", nil])
        #expect(cells(chunks, column: 3) == [nil, "0.5", nil])
        #expect(cells(chunks, column: 4) == [nil, "[\"a\",\"b\"]", nil])
    }

    @Test("Chunks survive their binary encoding, absent and empty cells included")
    func chunkEncoding() {
        let cells: [String?] = ["plain", nil, "", "ünïcødé", String(repeating: "x", count: 300)]
        #expect(DatasetChunk.decodeCells(DatasetChunk(column: 0, index: 0, firstRow: 0, cells: cells).encodedCells) == cells)
        #expect(DatasetChunk.decodeCells([0x85]) == nil, "a length that runs past the end is refused")
    }
}
