import PlexusCore
import PlexusStats

/// `{"kind": "dataset", "dataset": "<id or name>"}`: a stored dataset (by ID, or the newest of
/// that name), compared as a whole with the
/// monitor's reference dataset. Text columns are left out (their values are free text, not a
/// distribution).
public struct DatasetMonitorSource: MonitorSource {
    public static let kind = "dataset"
    public static let isTimed = false

    /// The dataset's ID.
    public let datasetID: String

    public init(settings: [String: JSONValue]) throws {
        guard case let .string(id)? = settings["dataset"], !id.isEmpty else {
            throw DomainError.invalid(field: "source.dataset", message: "A dataset source names its dataset: {\"kind\": \"dataset\", \"dataset\": \"<id>\"}.")
        }
        if let extra = settings.keys.sorted().first(where: { $0 != "dataset" }) {
            throw DomainError.invalid(field: "source.\(extra)", message: "A dataset source reads only dataset; remove \(extra).")
        }
        datasetID = id
    }

    public func sample(in window: MonitorWindow, accountID: Identifier<Account>, data: any MonitorDataStore) async throws -> MonitorSample {
        try await Self.sample(of: datasetID, accountID: accountID, data: data, field: "source.dataset")
    }

    /// Every non-text column of one of the account's datasets, named by ID or name.
    /// - Throws: ``DomainError/notFound(resource:id:field:)`` on `field` when there is no such dataset.
    public static func sample(of id: String, accountID: Identifier<Account>, data: any MonitorDataStore, field: String) async throws -> MonitorSample {
        guard let dataset = try await data.dataset(idOrName: id, accountID: accountID) else {
            throw DomainError.notFound(resource: "dataset", id: id, field: field)
        }
        // Stored at upload, so a reference costs what its sorted numbers and counts take to read.
        if let stored = try await data.driftColumns(of: dataset.id) {
            return MonitorSample(columns: stored, rowCount: dataset.rowCount)
        }
        var columns: [String: DriftColumn] = [:]
        for (index, column) in dataset.columns.enumerated() where column.type != .text {
            let profiled = try await ProfiledColumn.read(column, rowCount: dataset.rowCount) { from in
                try await data.datasetChunks(of: dataset.id, column: index, from: from, limit: DatasetUpload.chunksPerRead)
            }
            columns[column.name] = try profiled.driftColumn()
        }
        return MonitorSample(columns: columns, rowCount: dataset.rowCount)
    }
}
