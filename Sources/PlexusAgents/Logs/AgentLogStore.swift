import Foundation
import PlexusCore

/// What agent projects need from persistence; `PlexusStore` implements it over SQLite and PostgreSQL.
public protocol AgentLogStore: Sendable {
    /// Stores a new project (its ID and times assigned here).
    /// - Throws: ``DomainError/conflict(field:message:)`` when the account already has its key.
    func createProject(_ project: Project, accountID: Identifier<Account>) async throws -> Project
    /// The account's project with this ID or key.
    func project(_ reference: String, accountID: Identifier<Account>) async throws -> Project?
    /// The account's projects, newest first.
    func projects(accountID: Identifier<Account>, page: PageRequest) async throws -> Page<Project>
    /// Replaces a stored project's fields (not its ID, key or creation time).
    func updateProject(_ project: Project, accountID: Identifier<Account>) async throws -> Project
    /// Appends `entries` to the project's logs in one transaction: a record already stored
    /// (same content hash) is a duplicate and changes nothing; a changed record with a stored
    /// external ID becomes that log's next version; anything else is new.
    func appendLogs(_ entries: [LogEntry], projectID: Identifier<Project>, accountID: Identifier<Account>) async throws -> LogAppendCounts
    /// The newest version of each of the project's logs, newest call first.
    func logs(projectID: Identifier<Project>, accountID: Identifier<Account>, page: PageRequest) async throws -> Page<StoredLogEntry>
    /// One log's versions, newest first: by its ID, or by the external ID any of its versions has.
    func logVersions(_ reference: String, projectID: Identifier<Project>, accountID: Identifier<Account>) async throws -> [StoredLogEntry]
}

/// A log entry as stored: its ID, project, version among the records sharing its external ID,
/// and when it was stored.
public struct StoredLogEntry: Sendable, Equatable, Codable {
    public var id: String
    public var projectId: Identifier<Project>
    public var version: Int
    public var contentHash: String
    public var ingestedAt: Date
    public var entry: LogEntry

    public init(id: String, projectId: Identifier<Project>, version: Int, contentHash: String, ingestedAt: Date, entry: LogEntry) {
        self.id = id
        self.projectId = projectId
        self.version = version
        self.contentHash = contentHash
        self.ingestedAt = ingestedAt
        self.entry = entry
    }
}

/// What an append did with its entries.
public struct LogAppendCounts: Sendable, Equatable, Codable {
    public var new = 0
    public var duplicate = 0
    public var newVersion = 0

    public init(new: Int = 0, duplicate: Int = 0, newVersion: Int = 0) {
        (self.new, self.duplicate, self.newVersion) = (new, duplicate, newVersion)
    }
}
