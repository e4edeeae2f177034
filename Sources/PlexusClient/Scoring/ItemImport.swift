import PlexusCore
import PlexusScoring

/// Uploads the items of an input file, and the human labels it carries, to the server in batches.
public struct ItemImport: Sendable {
    /// The running totals of an import.
    public struct Progress: Sendable, Hashable {
        /// Items sent (new or already stored).
        public var items = 0
        /// Labels set.
        public var labels = 0
        /// Rows that could not be read (each reported).
        public var badRows = 0
    }

    let client: PlexusClient
    /// The scorecard the file's labels belong to.
    public let scorecardKey: String
    /// Rows sent per request.
    public let batchSize: Int

    /// Creates an import into `scorecardKey`'s labels.
    public init(client: PlexusClient, scorecardKey: String, batchSize: Int = 500) {
        self.client = client
        self.scorecardKey = scorecardKey
        self.batchSize = max(1, batchSize)
    }

    /// Uploads every readable row of the file at `path`, calling `report` for bad rows and after each batch.
    public func run(file path: String, badRow: @Sendable (RowProblem) -> Void = { _ in }, progress: @Sendable (Progress) -> Void = { _ in }) async throws -> Progress {
        var totals = Progress()
        var batch: [InputItem] = []
        for try await row in try ItemFile(path: path) {
            switch row {
            case .item(let item, _): batch.append(item)
            case .problem(let problem):
                totals.badRows += 1
                badRow(problem)
            }
            if batch.count == batchSize {
                try await send(batch, into: &totals)
                batch.removeAll(keepingCapacity: true)
                progress(totals)
            }
        }
        try await send(batch, into: &totals)
        progress(totals)
        return totals
    }

    private func send(_ batch: [InputItem], into totals: inout Progress) async throws {
        guard !batch.isEmpty else { return }
        _ = try await client.items.batchCreate(batch.map {
            ItemDraft(externalId: $0.item.id, text: $0.item.text, metadata: .object($0.item.metadata))
        })
        let labels = batch.flatMap { item in
            item.labels.sorted { $0.key < $1.key }.map { score, value in
                LabelInput(scorecardKey: scorecardKey, scoreKey: score, itemExternalId: item.item.id, value: value, source: "import")
            }
        }
        for start in stride(from: 0, to: labels.count, by: 1_000) {
            totals.labels += try await client.labels.setBatch(Array(labels[start..<min(start + 1_000, labels.count)]))
        }
        totals.items += batch.count
    }
}
