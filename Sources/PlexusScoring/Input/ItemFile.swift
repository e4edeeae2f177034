import Foundation

/// An input file of items, read lazily row by row as an `AsyncSequence`: JSON Lines
/// (`.jsonl`, `.ndjson`) or CSV (`.csv`). Memory stays flat however large the file is; rows that
/// cannot be read come out as ``ItemRow/problem(_:)`` so the caller reports and skips them.
public struct ItemFile: AsyncSequence, Sendable {
    /// The rows, in file order.
    public typealias Element = ItemRow

    /// The formats an item file may have.
    public enum Format: Sendable {
        case jsonLines, csv
    }

    /// The file's location.
    public let url: URL
    /// Its format, from the extension.
    public let format: Format

    /// Describes the file at `path`, checking that it exists and has a known extension.
    public init(path: String) throws(ItemFileError) {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw .unreadable(file: path, reason: "no readable file at that path")
        }
        switch url.pathExtension.lowercased() {
        case "jsonl", "ndjson": format = .jsonLines
        case "csv": format = .csv
        default: throw .unknownFormat(file: path)
        }
        self.url = url
    }

    private var name: String { url.lastPathComponent }

    /// Starts reading from the top of the file.
    public func makeAsyncIterator() -> Iterator {
        Iterator(file: self)
    }

    /// Reads rows one at a time.
    public struct Iterator: AsyncIteratorProtocol {
        private let file: ItemFile
        private var state: State?
        private var failed = false

        private enum State {
            case jsonLines(LineReader, JSONLItemParser, line: Int)
            case csv(CSVRecordReader, CSVItemParser)
        }

        init(file: ItemFile) {
            self.file = file
        }

        /// The next row, or `nil` at the end.
        /// - Throws: ``ItemFileError`` when the file cannot be opened or its CSV header is unusable.
        public mutating func next() async throws -> ItemRow? {
            if failed { return nil }
            do {
                if state == nil { state = try open() }
                return try advance()
            } catch {
                failed = true
                throw error
            }
        }

        private mutating func advance() throws -> ItemRow? {
            while let current = state {
                switch current {
                case .jsonLines(let reader, let parser, let line):
                    guard let text = try reader.nextLine() else { return nil }
                    state = .jsonLines(reader, parser, line: line + 1)
                    if let row = parser.parse(text, number: line + 1) { return row }
                case .csv(var reader, let parser):
                    guard let record = try reader.next() else { return nil }
                    state = .csv(reader, parser)
                    switch record {
                    case .fields(let fields, let line):
                        if let row = parser.parse(fields, line: line) { return row }
                    case .malformed(let line, let message):
                        return .problem(RowProblem(file: file.name, line: line, message: message))
                    }
                }
            }
            return nil
        }

        private func open() throws -> State {
            let reader: LineReader
            do { reader = try LineReader(url: file.url) } catch {
                throw ItemFileError.unreadable(file: file.url.path, reason: error.localizedDescription)
            }
            switch file.format {
            case .jsonLines:
                return .jsonLines(reader, JSONLItemParser(file: file.name), line: 0)
            case .csv:
                var records = CSVRecordReader(lines: reader)
                guard case .fields(let header, _)? = try records.next() else {
                    throw ItemFileError.missingColumns(file: file.name, found: [])
                }
                return .csv(records, try CSVItemParser(file: file.name, header: header))
            }
        }
    }
}
