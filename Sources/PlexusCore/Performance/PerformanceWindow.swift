import Foundation

/// The time window performance aggregates cover: the last `hours` hours, 1 to 8,760 (a year).
public struct PerformanceWindow: Sendable, Hashable {
    /// The window used when none is given: 24 hours.
    public static let defaultHours = 24
    /// The longest window: 8,760 hours, one year.
    public static let maximumHours = 8_760
    /// The last 24 hours.
    public static let lastDay = PerformanceWindow(checked: defaultHours)

    /// How many hours back the window reaches.
    public let hours: Int

    /// A window of the last `hours` hours.
    /// - Throws: ``DomainError/invalid(field:message:)`` naming `hours` when it is outside 1–8,760.
    public init(hours: Int) throws {
        guard (1...Self.maximumHours).contains(hours) else {
            throw DomainError.invalid(field: "hours", message: "hours must be a whole number between 1 and \(Self.maximumHours); got \(hours).")
        }
        self.init(checked: hours)
    }

    private init(checked hours: Int) {
        self.hours = hours
    }

    /// The first instant inside the window that ends at `now`; records at or after it count.
    public func start(endingAt now: Date) -> Date {
        now.addingTimeInterval(-Double(hours) * 3600)
    }
}
