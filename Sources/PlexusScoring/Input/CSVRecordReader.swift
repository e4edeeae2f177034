/// Splits CSV text (RFC 4180: `"` quotes fields, `""` is a literal quote, quoted fields may span
/// lines) into records of fields, reading lines on demand.
struct CSVRecordReader {
    /// One record and the line it starts on, or the problem with it.
    enum Record {
        case fields([String], line: Int)
        case malformed(line: Int, message: String)
    }

    private let lines: LineReader
    private var lineNumber = 0

    init(lines: LineReader) {
        self.lines = lines
    }

    /// The next record, or `nil` at the end of the file.
    mutating func next() throws -> Record? {
        guard var text = try lines.nextLine() else { return nil }
        lineNumber += 1
        let start = lineNumber
        while Self.hasOpenQuote(text) {
            guard let more = try lines.nextLine() else {
                return .malformed(line: start, message: "A quoted field is never closed; check for a stray '\"'.")
            }
            lineNumber += 1
            text += "\n" + more
        }
        guard let fields = Self.fields(of: text) else {
            return .malformed(line: start, message: "Text follows a closing quote; quote the whole field and double any quote inside it.")
        }
        return .fields(fields, line: start)
    }

    private static func hasOpenQuote(_ text: String) -> Bool {
        text.utf8.reduce(0) { $1 == UInt8(ascii: "\"") ? $0 + 1 : $0 } % 2 == 1
    }

    /// The fields of one complete record, or `nil` when it is malformed.
    static func fields(of record: String) -> [String]? {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var characters = record.makeIterator()
        while let character = characters.next() {
            if quoted {
                if character == "\"" { quoted = false; afterQuote = true } else { field.append(character) }
            } else if character == "," {
                fields.append(field); field = ""; afterQuote = false
            } else if character == "\"" {
                if afterQuote { field.append("\""); quoted = true; afterQuote = false }
                else if field.isEmpty { quoted = true } else { return nil }
            } else {
                if afterQuote { return nil }
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
