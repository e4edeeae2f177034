import Foundation
import PlexusCore
import PlexusScoring
import Testing

@Suite("Item files")
struct ItemFileTests {
    @Test("JSON Lines rows become items with metadata and labels; blank lines are ignored")
    func jsonLines() async throws {
        let path = try RunFixtures.file("items.jsonl", """
            {"id": "a", "text": "Agent: hello", "metadata": {"duration": 42}, "labels": {"greeting": "Yes"}}

            {"id": 7, "text": "Agent: bye"}
            """)
        let rows = try await ItemFile(path: path).allRows()
        #expect(rows == [
            .item(InputItem(item: ScoringItem(id: "a", text: "Agent: hello", metadata: ["duration": 42]), labels: ["greeting": "Yes"]), line: 1),
            .item(InputItem(item: ScoringItem(id: "7", text: "Agent: bye")), line: 3),
        ])
    }

    @Test("Bad JSON Lines rows are reported with their line and the rest still read")
    func badJSONRows() async throws {
        let path = try RunFixtures.file("items.jsonl", """
            {"id": "a", "text": "fine"}
            {"id": "b", "text":
            {"id": "c"}
            [1, 2]
            {"id": "d", "text": "also fine", "labels": {"x": [1]}}
            {"id": "e", "text": "last"}
            """)
        let rows = try await ItemFile(path: path).allRows()
        let problems = rows.compactMap { if case .problem(let problem) = $0 { problem } else { nil } }
        #expect(problems.map(\.line) == [2, 3, 4, 5])
        #expect(problems[1].message.contains("\"text\""))
        #expect(problems[0].description.hasPrefix("items.jsonl:2: "))
        #expect(rows.count == 6)
    }

    @Test("CSV reads quoted multi-line text, label columns and numeric metadata")
    func csv() async throws {
        let path = try RunFixtures.file("items.csv", "id,text,duration,queue,label:greeting\r\n"
            + "c1,\"Agent: hi, \"\"friend\"\"\nCustomer: hello\",61,billing,Yes\r\n"
            + "c2,plain,,tech,\n")
        let rows = try await ItemFile(path: path).allRows()
        #expect(rows == [
            .item(InputItem(
                item: ScoringItem(id: "c1", text: "Agent: hi, \"friend\"\nCustomer: hello", metadata: ["duration": 61, "queue": "billing"]),
                labels: ["greeting": "Yes"]), line: 2),
            .item(InputItem(item: ScoringItem(id: "c2", text: "plain", metadata: ["queue": "tech"])), line: 4),
        ])
    }

    @Test("A CSV row with the wrong number of columns is reported, not dropped")
    func csvWrongWidth() async throws {
        let path = try RunFixtures.file("items.csv", "id,text\nc1,ok\nc2,too,many\nc3,fine\n")
        let rows = try await ItemFile(path: path).allRows()
        #expect(rows.count == 3)
        #expect(rows[1] == .problem(RowProblem(file: "items.csv", line: 3, message: "Expected 2 columns as in the header, found 3.")))
    }

    @Test("A CSV without id and text columns fails with the columns it found")
    func csvHeader() async throws {
        let path = try RunFixtures.file("items.csv", "name,body\nx,y\n")
        await #expect(throws: ItemFileError.missingColumns(file: "items.csv", found: ["name", "body"])) {
            _ = try await ItemFile(path: path).allRows()
        }
    }

    @Test("Unknown extensions and missing files are refused up front")
    func unreadable() throws {
        let path = try RunFixtures.file("items.txt", "hello")
        #expect(throws: ItemFileError.unknownFormat(file: path)) { try ItemFile(path: path) }
        #expect(throws: ItemFileError.self) { try ItemFile(path: path + ".missing.jsonl") }
    }
}

@Suite("Item file edge cases")
struct ItemFileEdgeCaseTests {
    @Test("A byte-order mark does not hide the CSV header, and codes with leading zeros stay text")
    func bomAndCodes() async throws {
        let path = try RunFixtures.file("items.csv", "\u{FEFF}id,text,agent,zip,ratio\nc1,hi,007,02134,0.5\nc2,yo,12,inf,1e400\n")
        let rows = try await ItemFile(path: path).allRows()
        #expect(rows == [
            .item(InputItem(item: ScoringItem(id: "c1", text: "hi", metadata: ["agent": "007", "zip": "02134", "ratio": 0.5])), line: 2),
            .item(InputItem(item: ScoringItem(id: "c2", text: "yo", metadata: ["agent": 12, "zip": "inf", "ratio": "1e400"])), line: 3),
        ])
    }

    @Test("A JSON Lines file that starts with a byte-order mark reads its first row")
    func jsonBOM() async throws {
        let path = try RunFixtures.file("items.jsonl", "\u{FEFF}{\"id\": \"a\", \"text\": \"x\"}\n")
        #expect(try await ItemFile(path: path).allRows() == [.item(InputItem(item: ScoringItem(id: "a", text: "x")), line: 1)])
    }
}

@Suite("Item files larger than one read")
struct LargeItemFileTests {
    @Test("Lines longer than the read chunk, and CRLF endings across chunk borders, read back intact")
    func longLines() async throws {
        let long = String(repeating: "word ", count: 40_000)
        let rows = (0..<3).map { #"{"id": "r\#($0)", "text": "\#(long)\#($0)"}"# }
        let path = try RunFixtures.file("big.jsonl", rows.joined(separator: "\r\n") + "\r\n")
        let read = try await ItemFile(path: path).allRows()
        #expect(read == (0..<3).map { .item(InputItem(item: ScoringItem(id: "r\($0)", text: long + "\($0)")), line: $0 + 1) })
    }
}
