import Foundation
import PlexusCore

/// Reads a CSV (with a header row) or JSON Lines file as records of named fields, a batch at a
/// time, in memory that does not grow with the file: for sending rows to a model. CSV cells that
/// read as numbers become numbers, pandas' spellings of "no value" become null, the rest text.
public struct RecordFileReader {
    /// Why a file could not be read; each case names the line.
    public enum Failure: Error, CustomStringConvertible {
        case unreadable(String)
        case badLine(Int, String)

        public var description: String {
            switch self {
            case let .unreadable(reason): "The file cannot be read: \(reason)."
            case let .badLine(line, reason): "Line \(line): \(reason)."
            }
        }
    }

    private let url: URL
    private let jsonLines: Bool

    /// A reader of the file at `url`: JSON Lines when its extension is `.jsonl` or `.ndjson`, else CSV.
    public init(url: URL) {
        self.url = url
        jsonLines = ["jsonl", "ndjson"].contains(url.pathExtension.lowercased())
    }

    /// Passes the records to `body` in batches of at most `batchSize`, with the fraction of the
    /// file read so far.
    public func forEachBatch(of batchSize: Int, _ body: ([[String: JSONValue]], Double) async throws -> Void) async throws {
        let handle: FileHandle
        let total: Double
        do {
            handle = try FileHandle(forReadingFrom: url)
            total = Double(max(try handle.seekToEnd(), 1))
            try handle.seek(toOffset: 0)
        } catch {
            throw Failure.unreadable("\(url.path): \(error.localizedDescription)")
        }
        defer { try? handle.close() }
        var batch: [[String: JSONValue]] = []
        var read = 0.0
        var header: [String]?
        var parser = DelimitedTextParser()
        var pending: [UInt8] = []
        var line = 0
        func add(_ record: [String: JSONValue]) { batch.append(record) }
        while let piece = try handle.read(upToCount: 1 << 16), !piece.isEmpty {
            read += Double(piece.count)
            if jsonLines {
                pending += piece
                while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    line += 1
                    let text = pending[..<end]
                    pending.removeSubrange(...end)
                    guard text.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { continue }
                    guard case let .object(record)? = try? JSONDecoder().decode(JSONValue.self, from: Data(text)) else {
                        throw Failure.badLine(line, "not a JSON object")
                    }
                    add(record)
                }
            } else {
                var failure: Failure?
                parser.feed(piece) { event in
                    switch event {
                    case let .malformed(line, message): failure = failure ?? .badLine(line, message)
                    case let .record(fields, line):
                        guard let names = header else { header = fields; return }
                        guard fields.count == names.count else {
                            failure = failure ?? .badLine(line, "\(fields.count) fields where the header has \(names.count)")
                            return
                        }
                        add(Dictionary(zip(names, fields.map(Self.value)), uniquingKeysWith: { first, _ in first }))
                    }
                }
                if let failure { throw failure }
            }
            while batch.count >= batchSize {
                try await body(Array(batch.prefix(batchSize)), read / total)
                batch.removeFirst(batchSize)
            }
        }
        if jsonLines, pending.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) {
            guard case let .object(record)? = try? JSONDecoder().decode(JSONValue.self, from: Data(pending)) else {
                throw Failure.badLine(line + 1, "not a JSON object")
            }
            add(record)
        } else if !jsonLines {
            var failure: Failure?
            parser.finish { event in
                if case let .record(fields, line) = event, let names = header {
                    if fields.count == names.count { add(Dictionary(zip(names, fields.map(Self.value)), uniquingKeysWith: { first, _ in first })) }
                    else { failure = .badLine(line, "\(fields.count) fields where the header has \(names.count)") }
                }
            }
            if let failure { throw failure }
        }
        if !batch.isEmpty { try await body(batch, 1) }
    }

    /// A CSV cell as JSON: null when missing, a number when it reads as one, else text.
    static func value(_ cell: String) -> JSONValue {
        if Cell.isMissing(cell) { return .null }
        if let number = Cell.float(cell) { return .number(number) }
        return .string(cell)
    }
}
