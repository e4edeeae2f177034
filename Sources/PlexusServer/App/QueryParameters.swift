import Foundation
import Hummingbird
import PlexusCore

/// Typed access to a request's query string, with 400s that name the bad parameter.
struct QueryParameters {
    let request: Request

    func string(_ name: String) -> String? {
        request.uri.queryParameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    func id<Entity>(_ name: String) -> Identifier<Entity>? {
        string(name).map { Identifier($0) }
    }

    /// An ISO 8601 time; a parameter given empty is refused rather than read as absent.
    func date(_ name: String) throws -> Date? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        guard let date = PlexusJSON.parseDate(text) else {
            throw APIError.badParameter(name, "\(name) must be an ISO 8601 time such as 2026-11-23T10:00:00Z; got '\(text)'.")
        }
        return date
    }

    /// The `limit` and `cursor` parameters; a limit given empty is refused rather than read as absent.
    func page() throws -> PageRequest {
        var limit: Int?
        if let text = request.uri.queryParameters.get("limit") {
            guard let value = Int(text) else {
                throw APIError.badParameter("limit", "limit must be a whole number between 1 and \(PageRequest.maximumLimit); got '\(text)'.")
            }
            limit = value
        }
        return try PageRequest(limit: limit, cursor: string("cursor"))
    }
}
