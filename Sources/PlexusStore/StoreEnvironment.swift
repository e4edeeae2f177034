import Foundation

/// The clock and the ID source the store uses, injected so tests can be deterministic.
public struct StoreEnvironment: Sendable {
    /// The current time.
    public var now: @Sendable () -> Date
    /// A new unique ID.
    public var newID: @Sendable () -> String

    /// Creates an environment from a clock and an ID source.
    public init(now: @escaping @Sendable () -> Date, newID: @escaping @Sendable () -> String) {
        self.now = now
        self.newID = newID
    }

    /// The wall clock and time-ordered UUIDs (version 7).
    public static let system = StoreEnvironment(now: { Date() }, newID: { TimeOrderedID.make() })

    /// The current time in microseconds since 1970, as stored.
    func nowMicros() -> Int64 { Timestamp.micros(now()) }
}
