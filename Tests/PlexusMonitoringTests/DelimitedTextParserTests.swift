import PlexusMonitoring
import Testing

@Suite("Delimited text parser")
struct DelimitedTextParserTests {
    /// Parses `text` fed in pieces of `pieceSize` bytes.
    private func parse(_ text: String, pieceSize: Int = 3, delimiter: UInt8? = nil) -> (events: [DelimitedTextParser.Event], delimiter: UInt8?) {
        var parser = DelimitedTextParser(delimiter: delimiter)
        var events: [DelimitedTextParser.Event] = []
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            parser.feed(bytes[start ..< min(start + pieceSize, bytes.count)]) { events.append($0) }
            start += pieceSize
        }
        parser.finish { events.append($0) }
        return (events, parser.delimiter)
    }

    @Test("Quoted fields keep delimiters, doubled quotes and line breaks, whatever the piece size", arguments: [1, 2, 7, 4096])
    func quoting(pieceSize: Int) {
        let (events, _) = parse("id,text\n1,\"a, \"\"quoted\"\"\nline\"\n2,plain\n", pieceSize: pieceSize)
        #expect(events == [
            .record(["id", "text"], line: 1),
            .record(["1", "a, \"quoted\"\nline"], line: 2),
            .record(["2", "plain"], line: 4),
        ])
    }

    @Test("Semicolons and tabs are detected from the header; commas win ties")
    func delimiterDetection() {
        #expect(parse("a;b;c\n1;2,5;3\n").delimiter == UInt8(ascii: ";"))
        #expect(parse("a\tb\n1\t2\n").delimiter == UInt8(ascii: "\t"))
        #expect(parse("a,b;c\n").delimiter == UInt8(ascii: ","))
        #expect(parse("\"x;y\",b\n1,2\n").delimiter == UInt8(ascii: ","), "delimiters inside quotes do not count")
    }

    @Test("A byte-order mark, CRLF line ends, blank lines and a missing final newline are handled")
    func edges() {
        let (events, _) = parse("\u{FEFF}a,b\r\n1,2\r\n\r\n3,4", pieceSize: 1)
        #expect(events == [.record(["a", "b"], line: 1), .record(["1", "2"], line: 2), .record(["3", "4"], line: 4)])
    }

    @Test("Malformed records are reported with their line and the rest is read")
    func malformed() {
        let (events, _) = parse("a,b\n\"x\"y,2\n3,4\n5,\"never closed\n")
        #expect(events.count == 4)
        #expect(events[1] == .malformed(line: 2, message: "Text follows a closing quote; quote the whole field and double any quote inside it."))
        #expect(events[2] == .record(["3", "4"], line: 3))
        guard case let .malformed(line, message) = events[3] else {
            Issue.record("expected the unclosed quote to be reported")
            return
        }
        #expect(line == 4)
        #expect(message.contains("never closed"))
    }
}
