import PlexusMonitoring
import PlexusStats
import Testing

@Suite("Dataset profiles and quality findings")
struct ProfileAndQualityTests {
    /// Ingests `csv` and profiles every column, as the server does; `runLength` bounds the
    /// numbers sorted in memory (small ones make every column spill to disk).
    private func profile(
        _ csv: String, expected: [String: ColumnType] = [:], schema: [String: ColumnType] = [:], runLength: Int = ColumnProfileBuilder.sortRunLength
    ) async throws -> (DatasetSummary, [ColumnProfile], QualityReport) {
        var ingest = DatasetIngest(format: .csv, schema: schema, chunkRows: 3)
        var chunks = try ingest.feed(Array(csv.utf8))
        let (last, summary) = try ingest.finish()
        chunks += last
        var columns: [ProfiledColumn] = []
        for (index, column) in summary.columns.enumerated() {
            let own = chunks.filter { $0.column == index }
            // Two chunks a page, as the store pages them.
            columns.append(try await ProfiledColumn.read(column, rowCount: summary.rowCount, runLength: runLength) { from in
                Array(own.dropFirst(from).prefix(2))
            })
        }
        return (summary, columns.map(\.profile), QualityReport(summary: summary, columns: columns, expected: expected))
    }

    private func csv(_ header: String, _ rows: [String]) -> String {
        ([header] + rows).joined(separator: "\n") + "\n"
    }

    @Test("A numeric column's profile is its values' summary; missing cells are counted apart")
    func numericProfile() async throws {
        // A second column keeps the empty cell from being a blank line, which CSV readers skip.
        let (_, profiles, _) = try await profile(csv("x,y", ["1,a", "2,b", ",c", "4,d", "NA,e"]))
        let x = profiles[0]
        #expect(x.type == .integer && x.count == 3 && x.missing == 2 && x.distinct == 3)
        #expect(x.missingExamples == [2, 4])
        #expect(x.numeric?.moments.mean == 7.0 / 3)
        #expect(x.numeric?.quantile(0.5) == 2)
    }

    @Test("Categorical columns list their top values; text columns summarise lengths")
    func categoricalProfile() async throws {
        let rows = (0 ..< 30).map { "\($0 % 3 == 0 ? "chat" : "email"),sentence number \($0) of the free text" }
        let (_, profiles, _) = try await profile(csv("channel,note", rows))
        #expect(profiles[0].type == .categorical)
        #expect(profiles[0].top == [CategoryCount(value: "email", count: 20), CategoryCount(value: "chat", count: 10)])
        #expect(profiles[1].type == .text)
        #expect(profiles[1].numeric?.minimum == Double("sentence number 0 of the free text".count))
    }

    @Test("A clean dataset scores 100 with no findings")
    func clean() async throws {
        let rows = (0 ..< 40).map { "\($0),\($0 % 2 == 0 ? "a" : "b")" }
        let (_, _, report) = try await profile(csv("n,group", rows))
        #expect(report.findings.isEmpty)
        #expect(report.score == 100)
    }

    @Test("Every kind of finding is raised with its column, count and examples")
    func findings() async throws {
        var rows = (0 ..< 40).map { n in "\(n % 10),\(n == 39 ? "500" : "\(n % 7)"),same,\(n == 5 ? "" : "x\(n % 4)"),\(n == 3 ? "oops" : "\(n).5"),mostly" }
        rows[20] = rows[0]  // an exact duplicate of row 0
        rows[21] = "1,2,3"   // a short row
        rows[22] = rows[22].replacingOccurrences(of: "mostly", with: "rarely")
        let (summary, _, report) = try await profile(csv("id,value,constant,group,ratio,nearly", rows), expected: ["id": .float, "label": .categorical, "group": .integer])
        func finding(_ kind: QualityFinding.Kind, _ column: String?) -> QualityFinding? {
            report.findings.first { $0.kind == kind && $0.column == column }
        }
        #expect(summary.badRows.map(\.line) == [23])
        #expect(finding(.unreadableRows, nil)?.examples.first?.row == 23)
        #expect(finding(.duplicateRows, nil)?.count == 1)
        #expect(finding(.constantColumn, "constant") != nil)
        #expect(finding(.nearConstantColumn, "nearly")?.count == 1)
        #expect(finding(.missingValues, "group")?.examples.first?.row == 5)
        #expect(finding(.mixedTypes, "ratio")?.examples == [CellExample(row: 3, value: "oops")])
        #expect(finding(.outliersIQR, "value")?.examples.first?.value == "500")
        #expect(finding(.outliersZScore, "value")?.examples.first?.row == 38, "row 39 of the file is data row 38 once the short row is dropped")
        #expect(finding(.missingColumn, "label")?.severity == .error)
        #expect(finding(.mistypedColumn, "group")?.severity == .error)
        #expect(finding(.mistypedColumn, "id") == nil, "integers feed a float input")
        #expect(report.findings.first?.severity == .error, "most severe first")
        #expect(report.score < 100 && report.score > 0)
        for found in report.findings { #expect(!found.message.isEmpty && found.share > 0) }
    }

    @Test("More than 100 categories is high cardinality")
    func highCardinality() async throws {
        let rows = (0 ..< 400).map { "\($0),code-\($0 % 150)" }
        let (_, profiles, report) = try await profile(csv("n,code", rows))
        #expect(profiles[1].type == .categorical)
        #expect(report.findings.map(\.kind) == [.highCardinality])
    }

    @Test("A column the uploader forced to a type reports the cells that do not fit")
    func forcedType() async throws {
        let (_, profiles, report) = try await profile(csv("n", ["1", "2", "three", "4"]), schema: ["n": .integer])
        #expect(profiles[0].count == 3 && profiles[0].mismatched == 1)
        #expect(report.findings.map(\.kind) == [.mixedTypes])
    }

    @Test("Profiled columns feed the drift tests, and store in parts that read back whole")
    func driftColumns() async throws {
        var ingest = DatasetIngest(format: .csv)
        _ = try ingest.feed(Array("x,c\n1,a\n2,b\n3,a\n".utf8))
        let (chunks, summary) = try ingest.finish()
        func read(_ index: Int) async throws -> ProfiledColumn {
            try await ProfiledColumn.read(summary.columns[index], rowCount: summary.rowCount, runLength: 2) { from in
                from == 0 ? chunks.filter { $0.column == index } : []
            }
        }
        let (x, c) = (try await read(0), try await read(1))
        #expect(try x.driftColumn() == .numeric(try SortedSample([1, 2, 3])))
        #expect(try c.driftColumn() == .categorical(CategoryCounts(counts: ["a": 2, "b": 1])))
        for column in [x, c] {
            var parts: [(kind: String, payload: [UInt8])] = []
            try await column.driftParts(limit: 2) { parts.append(($0, $1)) }
            #expect(parts.count == (column.column.name == "x" ? 2 : 1))
            #expect(StoredDriftColumn.decode(kind: parts[0].kind, parts: parts.map(\.payload)) == (try column.driftColumn()))
        }
    }

    @Test("A column longer than the sort buffer spills sorted runs to disk and profiles exactly as in memory")
    func spilledColumns() async throws {
        var generator = SeededRandomNumberGenerator(seed: 7)
        let rows = (0 ..< 5_000).map { row -> String in
            let value = row % 97 == 0 ? "" : String(Double.random(in: -50 ... 50, using: &generator).rounded() * (row % 500 == 0 ? 40 : 1))
            return "\(value),note \(String(repeating: "z", count: row % 13)) \(row),\(Int.random(in: 0 ... 9, using: &generator))"
        }
        let text = csv("x,note,n", rows)
        let (_, inMemory, memoryReport) = try await profile(text)
        for runLength in [2, 999] {
            let (_, spilled, spilledReport) = try await profile(text, runLength: runLength)
            #expect(spilled == inMemory, "run length \(runLength)")
            #expect(spilledReport == memoryReport, "run length \(runLength)")
        }
        #expect(memoryReport.findings.contains { $0.kind == .outliersIQR && $0.examples.count == 5 })
    }
}
