import Foundation

/// Reads a file line by line in fixed-size chunks, so memory stays flat however large the file is.
///
/// Owned by one iterator at a time; not shared between tasks.
final class LineReader {
    private let handle: FileHandle
    private var bytes: [UInt8] = []
    /// The first unread byte.
    private var start = 0
    /// Bytes before this index (and after `start`) hold no newline.
    private var scanned = 0
    private var atEnd = false
    private var isFirstLine = true
    private let chunkSize: Int

    /// Opens `url` for reading.
    init(url: URL, chunkSize: Int = 1 << 16) throws {
        handle = try FileHandle(forReadingFrom: url)
        self.chunkSize = chunkSize
    }

    deinit { try? handle.close() }

    /// The next line without its terminator (`\n` or `\r\n`), or `nil` at the end of the file; a
    /// UTF-8 byte-order mark at the start of the file (Excel writes one) is dropped.
    func nextLine() throws -> String? {
        guard let line = try readLine() else { return nil }
        defer { isFirstLine = false }
        return isFirstLine && line.hasPrefix("\u{FEFF}") ? String(line.dropFirst()) : line
    }

    private func readLine() throws -> String? {
        while true {
            // Resume the search where the last one stopped, so a very long line is scanned once.
            if let newline = bytes[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: bytes[start..<end], as: UTF8.self)
                start = newline + 1
                scanned = start
                return line
            }
            scanned = bytes.count
            if atEnd {
                guard start < bytes.count else { return nil }
                defer { start = bytes.count; scanned = start }
                return String(decoding: bytes[start...], as: UTF8.self)
            }
            // Drop what was read only when more is needed: at most one partial line moves.
            if start > 0 {
                bytes.removeFirst(start)
                scanned -= start
                start = 0
            }
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            if chunk.isEmpty { atEnd = true } else { bytes.append(contentsOf: chunk) }
        }
    }
}
