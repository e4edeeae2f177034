import Foundation

/// Reads a file line by line in fixed-size chunks, so memory stays flat however large the file is.
///
/// Owned by one iterator at a time; not shared between tasks.
final class LineReader {
    private let handle: FileHandle
    private var buffer = Data()
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
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = buffer[buffer.startIndex..<newline]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                buffer.removeSubrange(buffer.startIndex...newline)
                return String(decoding: line, as: UTF8.self)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            if chunk.isEmpty { atEnd = true } else { buffer.append(chunk) }
        }
    }
}
