import Foundation
import PlexusCore

/// One import of a JSON Lines file of logs into a project, fed as its bytes arrive: complete
/// lines are read in batches of ``batchLines``, each batch prepared under the project's privacy
/// rules and appended in one transaction, so memory stays flat however large the file and every
/// batch acknowledged is stored. The report counts new entries, duplicates, new versions and
/// rejected lines (the first 100 listed with their line and reason).
public struct LogImport: Sendable {
    /// Lines appended together.
    public static let batchLines = 1_000
    /// The longest line accepted, in bytes.
    public static let lineLimit = 8 * 1024 * 1024
    /// Rejections listed in the report; the rest are counted.
    public static let listedRejections = 100

    private let reader: LogFileReader
    private let store: any AgentLogStore
    private let privacy: LogPrivacy
    private let accountID: Identifier<Account>
    private var pending = Data()
    private var batch = Data()
    private var batchLineCount = 0
    private var nextLine = 1
    private var batchFirstLine = 1
    private(set) public var report = LogImportReport()

    public init(format: any LogFormat, project: Project, store: any AgentLogStore, accountID: Identifier<Account>) {
        reader = LogFileReader(format: format)
        self.store = store
        privacy = LogPrivacy(project: project)
        self.accountID = accountID
        report.format = format.name
    }

    /// Takes the next bytes of the file.
    /// - Throws: ``DomainError/invalid(field:message:)`` for a line longer than ``lineLimit``, or what the store throws.
    public mutating func add(_ bytes: some Sequence<UInt8>) async throws {
        pending.append(contentsOf: bytes)
        var start = pending.startIndex
        while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
            batch.append(pending[start ... newline])
            start = newline + 1
            batchLineCount += 1
            nextLine += 1
            if batchLineCount >= Self.batchLines { try await flush() }
        }
        pending.removeSubrange(pending.startIndex ..< start)
        guard pending.count <= Self.lineLimit else {
            throw DomainError.invalid(field: "body", message: "Line \(nextLine) is longer than \(Self.lineLimit / 1_048_576) MiB; each log is one line of JSON.")
        }
    }

    /// Stores what is left and returns the report.
    public mutating func finish() async throws -> LogImportReport {
        if !pending.isEmpty {
            batch.append(pending)
            pending.removeAll()
            batchLineCount += 1
            nextLine += 1
        }
        try await flush()
        return report
    }

    private mutating func flush() async throws {
        guard batchLineCount > 0 else { return }
        let (entries, rejections) = reader.read(batch, firstLine: batchFirstLine)
        report.lines += batchLineCount
        for rejection in rejections {
            report.rejected += 1
            if report.rejections.count < Self.listedRejections {
                report.rejections.append(.init(line: rejection.line, field: rejection.problem.field, message: rejection.problem.message))
            }
        }
        if !entries.isEmpty {
            let counts = try await store.appendLogs(entries.map { privacy.prepare($0.entry) }, projectID: privacy.project.id, accountID: accountID)
            report.new += counts.new
            report.duplicate += counts.duplicate
            report.newVersion += counts.newVersion
        }
        batch.removeAll(keepingCapacity: true)
        batchLineCount = 0
        batchFirstLine = nextLine
    }
}

/// What an import did: lines read, entries new, duplicate and new versions, lines rejected.
public struct LogImportReport: Sendable, Equatable, Codable {
    public struct Rejection: Sendable, Equatable, Codable {
        public var line: Int
        public var field: String
        public var message: String
    }

    public var format = ""
    public var lines = 0
    public var new = 0
    public var duplicate = 0
    public var newVersion = 0
    public var rejected = 0
    public var rejections: [Rejection] = []

    public init() {}
}
