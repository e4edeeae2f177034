import Crypto
import Foundation
import PlexusCore

/// Runs a monitor once: reads its current window and its reference through the source, and
/// judges them. Problems with the data (a deleted dataset, an empty window) become a failed or
/// insufficient-data check, never an error, so every run leaves a record.
public struct MonitorRunner: Sendable {
    /// The sources monitors may name.
    public let registry: MonitorSourceRegistry
    /// Where the data is.
    public let data: any MonitorDataStore

    /// A runner over `data`.
    public init(registry: MonitorSourceRegistry = .standard, data: any MonitorDataStore) {
        self.registry = registry
        self.data = data
    }

    /// What a run compared and found.
    public struct Outcome: Sendable {
        /// The current window (nil for untimed sources).
        public let window: MonitorWindow?
        /// The reference window (nil for a reference dataset).
        public let referenceWindow: MonitorWindow?
        /// The verdict.
        public let check: MonitorCheck
    }

    /// Runs `definition` for the account with its current window ending at `end`.
    public func run(_ definition: MonitorDefinition, accountID: Identifier<Account>, endingAt end: Date, seed: UInt64 = 0) async throws -> Outcome {
        let sourceType: any MonitorSource.Type
        let source: any MonitorSource
        do {
            sourceType = try registry.sourceType(for: definition.source)
            source = try sourceType.init(settings: definition.source.settings)
        } catch let error as DomainError {
            return Outcome(window: nil, referenceWindow: nil, check: .failed(error.description))
        }
        let window = MonitorWindow(ending: end, length: definition.windowLength)
        let referenceWindow = definition.reference.window(before: window)
        do {
            let (reference, current) = try await samples(definition, source: source, accountID: accountID, window: window)
            let check = MonitorCheck.judge(definition, reference: reference, current: current, seed: seed)
            return Outcome(window: sourceType.isTimed ? window : nil, referenceWindow: referenceWindow, check: check)
        } catch let error as DomainError {
            return Outcome(window: sourceType.isTimed ? window : nil, referenceWindow: referenceWindow, check: .failed(error.description))
        }
    }

    /// The reference and current data of `definition` for the current `window` (for showing the
    /// distributions a run compared).
    public func samples(_ definition: MonitorDefinition, accountID: Identifier<Account>, window: MonitorWindow) async throws -> (reference: MonitorSample, current: MonitorSample) {
        try await samples(definition, source: registry.source(for: definition.source), accountID: accountID, window: window)
    }

    private func samples(
        _ definition: MonitorDefinition, source: any MonitorSource, accountID: Identifier<Account>, window: MonitorWindow
    ) async throws -> (reference: MonitorSample, current: MonitorSample) {
        let current = try await source.sample(in: window, accountID: accountID, data: data)
        let reference: MonitorSample
        switch definition.reference {
        case let .dataset(id):
            reference = try await DatasetMonitorSource.sample(of: id, accountID: accountID, data: data, field: "reference.dataset")
        case let .range(from, to) where to <= window.to:
            reference = try await closedRange(definition, source: source, window: MonitorWindow(from: from, to: to), accountID: accountID)
        case .range, .trailing:
            reference = try await source.sample(in: definition.reference.window(before: window) ?? window, accountID: accountID, data: data)
        }
        return (reference, current)
    }

    /// A fixed reference range that has ended: read once, when it first holds enough rows to be
    /// judged, and stored, so every later run costs what its current window holds. Rows recorded
    /// into the range after that are not seen (changing the monitor's source or range reads it again).
    private func closedRange(
        _ definition: MonitorDefinition, source: any MonitorSource, window: MonitorWindow, accountID: Identifier<Account>
    ) async throws -> MonitorSample {
        let key = ReferenceSampleKey.make(source: definition.source, window: window)
        if let stored = try await data.referenceSample(key: key, accountID: accountID) { return stored }
        let sample = try await source.sample(in: window, accountID: accountID, data: data)
        if sample.rowCount >= definition.minimumSampleSize {
            try await data.storeReferenceSample(sample, key: key, accountID: accountID)
        }
        return sample
    }
}

/// The key a closed reference range's sample is stored under: a SHA-256 of the source (kind and
/// settings, keys sorted) and the range's bounds, so monitors that read the same data share it.
public enum ReferenceSampleKey {
    /// The key of `source`'s data in `window`.
    public static func make(source: MonitorSourceSpec, window: MonitorWindow) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let settings = (try? encoder.encode(source.settings)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let text = "\(source.kind)|\(settings)|\(Int64(window.from.timeIntervalSince1970 * 1_000_000))|\(Int64(window.to.timeIntervalSince1970 * 1_000_000))"
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
