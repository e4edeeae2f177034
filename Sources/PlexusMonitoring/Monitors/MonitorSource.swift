import Foundation
import PlexusCore
import PlexusStats

/// Where a monitor's data comes from. A source reads its settings from the definition's `source`
/// object and turns a time window of its data (or the whole of it, for a source whose data does
/// not arrive over time) into columns the drift tests compare.
///
/// A new source is one file conforming to this protocol plus one line in
/// ``MonitorSourceRegistry/standard``.
public protocol MonitorSource: Sendable {
    /// The name definitions use in `source.kind`.
    static var kind: String { get }
    /// Whether the source's data arrives over time, so that windows apply.
    static var isTimed: Bool { get }
    /// Reads the definition's settings (the `source` object less `kind`).
    /// - Throws: ``DomainError/invalid(field:message:)`` naming the `source.…` field that is wrong.
    init(settings: [String: JSONValue]) throws
    /// The account's data in `window` (ignored by untimed sources).
    func sample(in window: MonitorWindow, accountID: Identifier<Account>, data: any MonitorDataStore) async throws -> MonitorSample
}

/// The sources monitors can name, by kind.
public struct MonitorSourceRegistry: Sendable {
    private let types: [String: any MonitorSource.Type]

    /// A registry of `types`.
    public init(_ types: [any MonitorSource.Type]) {
        self.types = Dictionary(types.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// This registry with `types` added (a kind already registered keeps its first type).
    public func adding(_ added: [any MonitorSource.Type]) -> MonitorSourceRegistry {
        MonitorSourceRegistry(types.keys.sorted().compactMap { types[$0] } + added)
    }

    /// The sources Plexus ships that need nothing beyond monitoring; the server and the CLI use
    /// ``withModels`` (PlexusModels), which adds `explanation`.
    public static let standard = MonitorSourceRegistry([
        DatasetMonitorSource.self,
        SeriesMonitorSource.self,
        ScoreMonitorSource.self,
        PerformanceMonitorSource.self,
    ])

    /// The registered kinds, sorted.
    public var kinds: [String] { types.keys.sorted() }

    /// The type registered for the spec's kind.
    public func sourceType(for spec: MonitorSourceSpec) throws -> any MonitorSource.Type {
        guard let type = types[spec.kind] else {
            throw DomainError.invalid(field: "source.kind", message: "'\(spec.kind)' is not a monitor source; the sources are \(kinds.joined(separator: ", ")).")
        }
        return type
    }

    /// The source the spec describes.
    public func source(for spec: MonitorSourceSpec) throws -> any MonitorSource {
        try sourceType(for: spec).init(settings: spec.settings)
    }
}

/// Data a monitor compares: each column in the form the drift tests read, and the number of rows.
public struct MonitorSample: Sendable {
    /// The columns by name.
    public var columns: [String: DriftColumn]
    /// The rows (records, points) the sample was drawn from.
    public var rowCount: Int

    /// A sample of `rowCount` rows.
    public init(columns: [String: DriftColumn], rowCount: Int) {
        self.columns = columns
        self.rowCount = rowCount
    }

    /// A sample of records whose fields are numbers (numeric columns) or anything else
    /// (categorical columns, numbers written as text); a field that holds both is categorical.
    public init(records: [[String: JSONValue]]) {
        var numbers: [String: [Double]] = [:]
        var texts: [String: [String]] = [:]
        for record in records {
            for (field, value) in record {
                switch value {
                case .null: continue
                case let .number(number) where number.isFinite: numbers[field, default: []].append(number)
                case let .number(number): texts[field, default: []].append(number.plainText)
                case let .bool(flag): texts[field, default: []].append(flag ? "true" : "false")
                case let .string(text): texts[field, default: []].append(text)
                case .array, .object: texts[field, default: []].append(String(describing: value))
                }
            }
        }
        var columns: [String: DriftColumn] = [:]
        for field in Set(numbers.keys).union(texts.keys) {
            if let text = texts[field] {
                columns[field] = .categorical(CategoryCounts(text + (numbers[field] ?? []).map(\.plainText)))
            } else if let values = numbers[field] {
                columns[field] = .numeric(SortedSample(alreadySorted: values.sorted()))
            }
        }
        self.init(columns: columns, rowCount: records.count)
    }
}

/// What monitors read from persistence; `PlexusStore` implements it over SQLite and PostgreSQL.
public protocol MonitorDataStore: DatasetStore {
    /// One of the account's finished datasets, by ID or else by name (the newest of that name).
    func dataset(idOrName: String, accountID: Identifier<Account>) async throws -> Dataset?
    /// The account's points of `series` whose time falls in `window`, oldest first.
    func seriesPoints(_ series: String, accountID: Identifier<Account>, window: MonitorWindow) async throws -> [SeriesPoint]
    /// The results of one score recorded in `window`, as records (see ``ScoreMonitorSource``);
    /// nil when the account has no such scorecard or score.
    func scoreResultRecords(scorecard: String, score: String, accountID: Identifier<Account>, window: MonitorWindow) async throws -> [[String: JSONValue]]?
    /// The pipeline performance records of `window`, as records (see ``PerformanceMonitorSource``).
    func performanceRecords(accountID: Identifier<Account>, window: MonitorWindow) async throws -> [[String: JSONValue]]
    /// One of the account's uploaded models by ID, name@version or name (the newest version); nil when none is.
    func registeredModel(_ reference: String, accountID: Identifier<Account>) async throws -> RegisteredModel?
    /// The ONNX file of one of the account's model versions; nil when there is none.
    func registeredModelFile(_ id: Identifier<RegisteredModel>, accountID: Identifier<Account>) async throws -> Data?
    /// The reference sample stored under `key` (see ``ReferenceSampleKey``); nil when none is.
    func referenceSample(key: String, accountID: Identifier<Account>) async throws -> MonitorSample?
    /// Stores the sample of a closed reference range under `key`, so later runs read it instead
    /// of the range's rows; a second store under the same key keeps the first.
    func storeReferenceSample(_ sample: MonitorSample, key: String, accountID: Identifier<Account>) async throws
}
