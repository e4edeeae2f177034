import Foundation
import Logging

/// A log handler that writes one JSON object per line to standard error: `time` (ISO 8601 UTC),
/// `level`, `label`, `message`, and every metadata value as a member (request logs carry
/// `request_id`, `method`, `path`, `route`, `status` and `duration_ms`). For log shippers that
/// read JSON lines; `plexus serve --log-format json` selects it.
public struct JSONLogHandler: LogHandler {
    /// The logger's label, such as `plexus.server`.
    public let label: String
    /// The lowest level written.
    public var logLevel: Logger.Level = .info
    /// Metadata added to every message of this logger.
    public var metadata: Logger.Metadata = [:]
    private let write: @Sendable (String) -> Void

    /// A handler labelled `label` that writes to standard error, or to `write` (for tests).
    public init(label: String, write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.label = label
        self.write = write
    }

    /// The metadata value under `key`.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line.
    public func log(event: LogEvent) {
        var object: [String: Any] = [
            "time": Self.time(Date()), "level": event.level.rawValue, "label": label, "message": "\(event.message)",
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, new in new }) {
            object[key] = Self.json(value)
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        write(String(decoding: data, as: UTF8.self) + "\n")
    }

    private static func time(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    private static func json(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible):
            // Numbers and flags stay numbers and flags, so log queries can compare them.
            if let number = convertible as? Int { number } else if let number = convertible as? Double, number.isFinite { number }
            else if let flag = convertible as? Bool { flag } else { "\(convertible)" }
        case .array(let values): values.map(json)
        case .dictionary(let members): members.mapValues(json)
        }
    }
}

/// How `plexus serve` writes its log: readable lines (`text`, the default) or JSON lines (`json`).
public enum LogFormat: String, Sendable, CaseIterable {
    case text, json

    /// Makes every logger of the process write in this format at `level` or above. Call once, at start.
    public func bootstrap(level: Logger.Level = .info) {
        switch self {
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        case .json:
            LoggingSystem.bootstrap { label in
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}
