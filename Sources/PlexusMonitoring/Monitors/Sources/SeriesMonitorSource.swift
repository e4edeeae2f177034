import PlexusCore

/// `{"kind": "series", "series": "checkout"}`: points posted to
/// `POST /api/v1/monitoring/series/{name}/points`, each a time and named values; numeric values
/// make numeric columns and anything else categorical ones.
public struct SeriesMonitorSource: MonitorSource {
    public static let kind = "series"
    public static let isTimed = true

    /// The series' name.
    public let series: String

    public init(settings: [String: JSONValue]) throws {
        guard case let .string(name)? = settings["series"], SeriesPoint.isValidName(name) else {
            throw DomainError.invalid(field: "source.series", message: "A series source names its series ([A-Za-z0-9._-], 1–100 characters): {\"kind\": \"series\", \"series\": \"checkout\"}.")
        }
        if let extra = settings.keys.sorted().first(where: { $0 != "series" }) {
            throw DomainError.invalid(field: "source.\(extra)", message: "A series source reads only series; remove \(extra).")
        }
        series = name
    }

    public func sample(in window: MonitorWindow, accountID: Identifier<Account>, data: any MonitorDataStore) async throws -> MonitorSample {
        MonitorSample(records: try await data.seriesPoints(series, accountID: accountID, window: window).map(\.values))
    }
}
