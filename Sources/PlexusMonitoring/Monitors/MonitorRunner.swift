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
        let reference: MonitorSample = if case let .dataset(id) = definition.reference {
            try await DatasetMonitorSource.sample(of: id, accountID: accountID, data: data, field: "reference.dataset")
        } else {
            try await source.sample(in: definition.reference.window(before: window) ?? window, accountID: accountID, data: data)
        }
        return (reference, current)
    }
}
