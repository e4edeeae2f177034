import HTTPTypes

/// The methods each documented path answers, so that a request with another method on a known
/// path gets 405 with an `Allow` header (RFC 9110) instead of a misleading 404.
struct AllowedMethods: Sendable {
    private let routes: [(segments: [Substring], methods: [String])]

    init(endpoints: [Endpoint] = APIEndpoints.all) {
        var byPath: [String: [String]] = [:]
        var order: [String] = []
        for endpoint in endpoints {
            if byPath[endpoint.path] == nil { order.append(endpoint.path) }
            byPath[endpoint.path, default: []].append(endpoint.method.rawValue.uppercased())
        }
        routes = order.map { path in (path.split(separator: "/"), byPath[path]!) }
    }

    /// The methods `path` answers, or `[]` when no documented route has that shape. Where a
    /// literal and a parameter both fit (`/items/batch`, `/items/{id}`), the literal route wins, as
    /// in the router.
    func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/")
        let matching = routes.filter { route in
            route.segments.count == segments.count
                && zip(route.segments, segments).allSatisfy { template, actual in template.hasPrefix("{") || template == actual }
        }
        let literals = { (route: (segments: [Substring], methods: [String])) in route.segments.count { !$0.hasPrefix("{") } }
        guard let most = matching.map(literals).max() else { return [] }
        return Array(Set(matching.filter { literals($0) == most }.flatMap(\.methods))).sorted()
    }

    /// The 405 for `method` on a path that answers `allowed`.
    static func error(method: HTTPRequest.Method, allowed: [String]) -> APIError {
        APIError(
            status: .methodNotAllowed, code: "method_not_allowed",
            message: "\(method.rawValue) is not an operation of this path; it answers \(allowed.joined(separator: ", ")) (see /docs).",
            headers: [.allow: allowed.joined(separator: ", ")])
    }
}
