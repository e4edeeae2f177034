import Foundation

/// The clock and the ID source the store uses, injected so tests can be deterministic.
public struct StoreEnvironment: Sendable {
    /// The current time.
    public var now: @Sendable () -> Date
    /// `count` new unique IDs.
    public var newIDs: @Sendable (_ count: Int) -> [String]

    /// Creates an environment from a clock and an ID source.
    public init(now: @escaping @Sendable () -> Date, newIDs: @escaping @Sendable (_ count: Int) -> [String]) {
        self.now = now
        self.newIDs = newIDs
    }

    /// The wall clock and time-ordered UUIDs (version 7).
    public static let system = StoreEnvironment(now: { Date() }, newIDs: { TimeOrderedID.make(count: $0) })

    /// One new unique ID.
    func newID() -> String { newIDs(1)[0] }

    /// The current time in microseconds since 1970, as stored.
    func nowMicros() -> Int64 { Timestamp.micros(now()) }
}
