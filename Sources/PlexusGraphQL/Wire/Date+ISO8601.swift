import Foundation
import PlexusCore

extension Date {
    /// The date as the API writes it, e.g. `2026-11-23T10:00:00.123Z`.
    var iso8601: String { PlexusJSON.formatDate(self) }

    /// Parses an ISO 8601 argument such as `since`, naming `field` when it is not a date.
    init(iso8601 text: String, field: String) throws {
        guard let date = PlexusJSON.parseDate(text) else {
            throw DomainError.invalid(field: field, message: "Must be an ISO 8601 date such as 2026-11-23T10:00:00Z; got '\(text)'.")
        }
        self = date
    }
}
