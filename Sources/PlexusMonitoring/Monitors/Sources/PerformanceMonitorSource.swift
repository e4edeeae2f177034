import PlexusCore

/// `{"kind": "performance"}`: the account's pipeline performance records (`/api/performance/record`)
/// in the window, one record each, with the columns `processingType` (`full`, `lightweight`,
/// `early_exit`: its shares are the bypass and early-exit rates), `contentType`, `exitReason`
/// (categorical) and `qualityScore`, `processingTime`, `exitConfidence`, `timeSavedPct` (numeric).
public struct PerformanceMonitorSource: MonitorSource {
    public static let kind = "performance"
    public static let isTimed = true

    public init(settings: [String: JSONValue]) throws {
        if let extra = settings.keys.sorted().first {
            throw DomainError.invalid(field: "source.\(extra)", message: "A performance source takes no settings; remove \(extra).")
        }
    }

    public func sample(in window: MonitorWindow, accountID: Identifier<Account>, data: any MonitorDataStore) async throws -> MonitorSample {
        MonitorSample(records: try await data.performanceRecords(accountID: accountID, window: window))
    }
}
