/// A streaming parser for delimited text (RFC 4180 CSV and its `;` and tab cousins): bytes go in
/// in chunks of any size, records come out as soon as they are complete, so a file of any size
/// is read in constant memory.
///
/// Fields may be quoted with `"`; a quoted field may hold delimiters, line breaks and `""` for a
/// literal quote. Records end at `\n` or `\r\n`; blank lines are skipped; a UTF-8 byte-order mark
/// at the start is dropped. Unless a delimiter is given, it is the one of `,`, `;` and tab that
/// occurs most often outside quotes in the first record (commas win ties).
public struct DelimitedTextParser: Sendable {
    /// What the parser found: a complete record, or a record it could not read.
    public enum Event: Sendable, Equatable {
        /// A record's fields and the line it starts on (1-based).
        case record([String], line: Int)
        /// A record that breaks the format, the line it starts on, and why.
        case malformed(line: Int, message: String)
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterQuoted, skipping }

    /// The delimiter in use: given, or detected from the first record (nil until then).
    public private(set) var delimiter: UInt8?
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var line = 1
    private var recordLine = 1
    private var malformedMessage = ""
    private var startChecked = false
    private var detectionBuffer: [UInt8] = []
    private static let detectionLimit = 1 << 20

    /// A parser for `delimiter`, or one that detects it when nil.
    public init(delimiter: UInt8? = nil) {
        self.delimiter = delimiter
    }

    /// Reads `bytes`, handing each complete record to `handle`.
    public mutating func feed(_ bytes: some Collection<UInt8>, _ handle: (Event) throws -> Void) rethrows {
        var input = Array(bytes)
        if !startChecked {
            detectionBuffer += input
            // A byte-order mark can only be judged once three bytes are here.
            guard detectionBuffer.count >= 3 else { return }
            if detectionBuffer.starts(with: [0xEF, 0xBB, 0xBF]) { detectionBuffer.removeFirst(3) }
            startChecked = true
            input = detectionBuffer
            detectionBuffer = []
        }
        if delimiter == nil {
            detectionBuffer += input
            guard let chosen = Self.detectDelimiter(in: detectionBuffer, final: detectionBuffer.count >= Self.detectionLimit) else { return }
            delimiter = chosen
            input = detectionBuffer
            detectionBuffer = []
        }
        try consume(input, handle)
    }

    /// Ends the input: a last record without a line break is handed over, and an unclosed quote
    /// is reported as malformed.
    public mutating func finish(_ handle: (Event) throws -> Void) rethrows {
        if !startChecked || delimiter == nil {
            if !startChecked, detectionBuffer.starts(with: [0xEF, 0xBB, 0xBF]) { detectionBuffer.removeFirst(3) }
            startChecked = true
            delimiter = delimiter ?? Self.detectDelimiter(in: detectionBuffer, final: true)
            let buffered = detectionBuffer
            detectionBuffer = []
            try consume(buffered, handle)
        }
        switch state {
        case .quoted:
            try handle(.malformed(line: recordLine, message: "A quoted field is never closed; check for a stray '\"'."))
        case .skipping:
            try handle(.malformed(line: recordLine, message: malformedMessage))
        case .fieldStart where fields.isEmpty:
            break
        default:
            try endRecord(handle)
        }
        state = .fieldStart
        fields = []
        field = []
    }

    private mutating func consume(_ bytes: [UInt8], _ handle: (Event) throws -> Void) rethrows {
        let delimiter = self.delimiter ?? UInt8(ascii: ",")
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        for byte in bytes {
            switch state {
            case .fieldStart, .unquoted:
                if byte == delimiter {
                    endField()
                } else if byte == newline {
                    try endRecord(handle)
                    line += 1
                    recordLine = line
                } else if byte == carriageReturn {
                    continue
                } else if byte == quote {
                    if state == .fieldStart { state = .quoted } else { startSkipping("A quote appears inside an unquoted field; quote the whole field and double any quote inside it.") }
                } else {
                    field.append(byte)
                    state = .unquoted
                }
            case .quoted:
                if byte == quote { state = .quoteInQuoted } else {
                    if byte == newline { line += 1 }
                    field.append(byte)
                }
            case .quoteInQuoted:
                if byte == quote {
                    field.append(quote)
                    state = .quoted
                } else {
                    state = .afterQuoted
                    try afterQuoted(byte, delimiter: delimiter, handle)
                }
            case .afterQuoted:
                try afterQuoted(byte, delimiter: delimiter, handle)
            case .skipping:
                if byte == newline {
                    try handle(.malformed(line: recordLine, message: malformedMessage))
                    fields = []
                    field = []
                    state = .fieldStart
                    line += 1
                    recordLine = line
                }
            }
        }
    }

    private mutating func afterQuoted(_ byte: UInt8, delimiter: UInt8, _ handle: (Event) throws -> Void) rethrows {
        if byte == delimiter {
            endField()
        } else if byte == UInt8(ascii: "\n") {
            try endRecord(handle)
            line += 1
            recordLine = line
        } else if byte != UInt8(ascii: "\r") {
            startSkipping("Text follows a closing quote; quote the whole field and double any quote inside it.")
        }
    }

    private mutating func startSkipping(_ message: String) {
        malformedMessage = message
        state = .skipping
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
    }

    private mutating func endRecord(_ handle: (Event) throws -> Void) rethrows {
        let blank = fields.isEmpty && field.isEmpty && state == .fieldStart
        endField()
        defer { fields.removeAll(keepingCapacity: true) }
        if !blank { try handle(.record(fields, line: recordLine)) }
    }

    /// The delimiter of the first record in `bytes`, once that record is complete (or `final`).
    static func detectDelimiter(in bytes: [UInt8], final: Bool) -> UInt8? {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts = [0, 0, 0]
        var quoted = false, complete = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() } else if !quoted {
                if byte == UInt8(ascii: "\n") { complete = true; break }
                if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
            }
        }
        guard complete || final else { return nil }
        let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) } ?? 0
        return candidates[best]
    }
}
