import PlexusCore

/// A format production LLM logs arrive in. A new format is one file conforming to this and one
/// line in ``LogFormatRegistry/standard``.
public protocol LogFormat: Sendable {
    /// The name users give it (`--format portkey`).
    var name: String { get }
    /// The entry of one record (one line of a JSON Lines file).
    /// - Throws: ``LogRecordProblem`` naming the field that cannot be read.
    func entry(from record: JSONValue) throws(LogRecordProblem) -> LogEntry
}

/// Why a record could not be read: the field and what is wrong with it.
public struct LogRecordProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// The log formats Plexus reads, by name.
public struct LogFormatRegistry: Sendable {
    private let formats: [String: any LogFormat]

    /// Every format Plexus ships.
    public static let standard = LogFormatRegistry([PortkeyLogFormat(), OpenAIExchangeFormat()])

    public init(_ formats: [any LogFormat]) {
        self.formats = Dictionary(formats.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The format called `name`, if there is one.
    public func format(named name: String) -> (any LogFormat)? { formats[name] }

    /// The names, sorted.
    public var names: [String] { formats.keys.sorted() }
}
