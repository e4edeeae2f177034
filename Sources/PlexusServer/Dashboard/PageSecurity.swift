import HTTPTypes
import Hummingbird

/// What keeps the dashboard's pages safe in a browser: headers on every page (a content security
/// policy that runs only the dashboard's own script file, no framing, no sniffing, no referrer to
/// other sites) and a same-origin check on every form that changes something.
enum PageSecurity {
    /// Scripts only from `/dashboard.js`; inline styles are allowed (charts set widths), inline
    /// scripts and event handlers are not.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"

    /// The headers every dashboard page and redirect carries.
    static let headers: HTTPFields = [
        .contentSecurityPolicy: contentSecurityPolicy,
        .xContentTypeOptions: "nosniff",
        .referrerPolicy: "same-origin",
        .xFrameOptions: "DENY",
    ]

    /// Refuses a form post sent from another site's page: its `Origin` (or, from older browsers,
    /// `Referer`) must name the host the request was sent to. Browsers send one of them with
    /// every form post; a request with neither (curl, a script) comes from no page and could not
    /// have been forged by one, so it goes ahead.
    static func requireSameOrigin(_ request: Request) throws {
        let origin = request.headers[.origin].flatMap { $0 == "null" ? nil : $0 }
        guard let source = origin ?? request.headers[.referer] else {
            if request.headers[.origin] == "null" { throw crossOrigin }
            return
        }
        guard let host = request.head.authority, let sourceHost = Self.host(of: source), sourceHost.lowercased() == host.lowercased() else {
            throw crossOrigin
        }
    }

    private static let crossOrigin = APIError(
        status: .forbidden, code: "cross_origin_form",
        message: "This form must be sent from the dashboard's own pages (the Origin header did not match this server); open the page again and resubmit.")

    /// `host[:port]` of an origin or URL such as `http://127.0.0.1:8080/login`.
    private static func host(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? nil : String(host)
    }
}

extension HTTPField.Name {
    /// Who may put the page in a frame (nobody), for browsers without `frame-ancestors`.
    static let xFrameOptions = Self("X-Frame-Options")!
    /// How much of the URL goes to other sites.
    static let referrerPolicy = Self("Referrer-Policy")!
}
