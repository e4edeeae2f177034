import Foundation
import PlexusCore

/// Reads a JSON Lines file of logs in one format: each line becomes an entry or a rejection
/// that names the line and what is wrong with it; blank lines are skipped.
public struct LogFileReader: Sendable {
    /// A line that could not be read.
    public struct Rejection: Sendable, Equatable {
        public var line: Int
        public var problem: LogRecordProblem
    }

    public let format: any LogFormat

    public init(format: any LogFormat) {
        self.format = format
    }

    /// The entries and rejections of `data`, lines numbered from `firstLine`.
    public func read(_ data: Data, firstLine: Int = 1) -> (entries: [(line: Int, entry: LogEntry)], rejections: [Rejection]) {
        var entries: [(line: Int, entry: LogEntry)] = []
        var rejections: [Rejection] = []
        let decoder = JSONDecoder()
        var lineNumber = firstLine
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            defer { lineNumber += 1 }
            guard line.contains(where: { ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains($0) }) else { continue }
            let record: JSONValue
            do {
                record = try decoder.decode(JSONValue.self, from: Data(line))
            } catch {
                rejections.append(Rejection(line: lineNumber, problem: LogRecordProblem(field: "line", message: "is not JSON")))
                continue
            }
            do {
                entries.append((lineNumber, try format.entry(from: record)))
            } catch {
                rejections.append(Rejection(line: lineNumber, problem: error))
            }
        }
        return (entries, rejections)
    }
}
