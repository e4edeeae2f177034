import SQLKit

/// What a ``StoreObserver`` is told about: a read on a pooled connection, or a write transaction.
public enum StoreOperation: String, Sendable, Hashable, CaseIterable {
    case read, write
}

/// Is told how long each store operation waited for a connection and took, e.g. to export them as
/// metrics. Called on the caller's task; must return quickly.
public protocol StoreObserver: Sendable {
    /// An operation is starting: it now waits for a connection (or SQLite's one writer).
    func storeOperationStarted(_ operation: StoreOperation)
    /// The operation has ended, successfully or not, `duration` after it started.
    func storeOperationEnded(_ operation: StoreOperation, duration: Duration, failed: Bool)
}

/// A backend that tells a ``StoreObserver`` about every read and write of the backend it wraps.
struct ObservedBackend: SQLBackend {
    let base: any SQLBackend
    let observer: any StoreObserver

    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await observe(.read) { try await base.read(body) }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) async throws -> T) async throws -> T {
        try await observe(.write) { try await base.write(body) }
    }

    func backup(to path: String) async throws {
        try await observe(.read) { try await base.backup(to: path) }
    }

    func close() async throws {
        try await base.close()
    }

    private func observe<T>(_ operation: StoreOperation, _ work: () async throws -> T) async throws -> T {
        observer.storeOperationStarted(operation)
        let started = ContinuousClock.now
        do {
            let value = try await work()
            observer.storeOperationEnded(operation, duration: .now - started, failed: false)
            return value
        } catch {
            observer.storeOperationEnded(operation, duration: .now - started, failed: true)
            throw error
        }
    }
}
