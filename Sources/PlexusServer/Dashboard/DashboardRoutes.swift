import Foundation
import Hummingbird
import NIOCore
import PlexusCore
import PlexusMonitoring
import PlexusStore

/// The server-rendered dashboard: sign-in, pages, and its stylesheet and script.
struct DashboardRoutes {
    let store: SQLStore
    /// Sign-in attempts per client address, against guessing keys through the form.
    let signInLimiter: RateLimiter
    let signInLimit: RateLimit

    func register(on router: Router<PlexusRequestContext>) {
        router.get("dashboard.css") { _, _ in Self.asset(DashboardStylesheet.source, type: "text/css; charset=utf-8") }
        router.get("dashboard.js") { _, _ in Self.asset(DashboardScript.source, type: "text/javascript; charset=utf-8") }
        router.get("favicon.svg") { _, _ in Self.asset(DashboardIcon.source, type: "image/svg+xml") }
        router.get("favicon.ico") { _, _ in Self.asset(DashboardIcon.source, type: "image/svg+xml") }
        router.get("login") { _, _ in HTMLResponse.make(LoginPage().render()) }
        router.post("login") { request, context in try await signIn(request, from: context.remoteAddress) }
        router.post("logout") { request, _ in
            try PageSecurity.requireSameOrigin(request)
            if let token = SessionCookie.token(in: request) { try await store.removeAPIKey(token) }
            return HTMLResponse.redirect(to: "/login", setCookie: SessionCookie.clear)
        }
        let pages = router.group().add(middleware: DashboardSession(store: store))
        pages.get("/") { _, context in HTMLResponse.make(try await OverviewPage.load(store, account: try await account(context)).render()) }
        pages.get("scorecards") { request, context in
            let page = try await ScorecardsPage.load(store, account: try await account(context), cursor: request.uri.queryParameters.get("cursor"))
            return HTMLResponse.make(page.render())
        }
        pages.get("scorecards/:key") { _, context in
            try await render(ScorecardPage.load(store, account: try await account(context), key: try context.parameters.require("key"))?.render(), context)
        }
        pages.get("scorecards/:key/scores/:score") { request, context in
            let query = request.uri.queryParameters
            let page = try await ScorePage.load(
                store, account: try await account(context), key: try context.parameters.require("key"), scoreKey: try context.parameters.require("score"),
                value: query.get("value").flatMap { $0.isEmpty ? nil : $0 }, cursor: query.get("cursor"))
            return try await render(page?.render(), context)
        }
        pages.get("evaluations/:id") { _, context in
            try await render(EvaluationPage.load(store, account: try await account(context), id: try context.parameters.require("id"))?.render(), context)
        }
        pages.get("evaluations/:id/compare") { request, context in
            let id = try context.parameters.require("id")
            guard let candidate = request.uri.queryParameters.get("candidate"), !candidate.isEmpty else { return HTMLResponse.redirect(to: "/evaluations/\(id)") }
            let segment = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? "" }
            return HTMLResponse.redirect(to: "/evaluations/\(segment(id))/compare/\(segment(candidate))")
        }
        pages.get("evaluations/:id/compare/:candidate") { _, context in
            let page = try await ComparisonPage.load(
                store, account: try await account(context), baselineID: try context.parameters.require("id"), candidateID: try context.parameters.require("candidate"))
            guard let page else { return try await render(nil, context) }
            return HTMLResponse.make(page.render(), status: page.status)
        }
        pages.get("items") { request, context in
            let query = request.uri.queryParameters.get("q") ?? ""
            let page = try await ItemsPage.load(store, account: try await account(context), query: query, cursor: request.uri.queryParameters.get("cursor"))
            return HTMLResponse.make(page.render())
        }
        pages.get("performance") { request, context in
            let page = try await PerformancePage.load(store, account: try await account(context), hours: request.uri.queryParameters.get("hours"))
            return HTMLResponse.make(page.render())
        }
        // The seed's performance dashboard lived at /dashboard; bookmarks and links to it land on the same page.
        pages.get("dashboard") { request, _ in
            HTMLResponse.redirect(to: "/performance" + (request.uri.query.map { "?" + $0 } ?? ""))
        }
        pages.get("datasets") { request, context in
            let page = try await DatasetsPage.load(store, account: try await account(context), cursor: request.uri.queryParameters.get("cursor"))
            return HTMLResponse.make(page.render())
        }
        pages.get("datasets/:id") { _, context in
            try await render(DatasetPage.load(store, account: try await account(context), id: try context.parameters.require("id"))?.render(), context)
        }
        pages.get("models") { request, context in
            let page = try await ModelsPage.load(store, account: try await account(context), cursor: request.uri.queryParameters.get("cursor"))
            return HTMLResponse.make(page.render())
        }
        pages.get("models/:id") { _, context in
            let id = try context.parameters.require("id")
            return try await render(ModelPage.load(store, account: try await account(context), id: id.removingPercentEncoding ?? id)?.render(), context)
        }
        pages.get("explanations/:id") { request, context in
            let query = request.uri.queryParameters
            return try await render(ExplanationPage.load(
                store, account: try await account(context), id: try context.parameters.require("id"),
                output: query.get("output"), row: query.get("row"), feature: query.get("feature"))?.render(), context)
        }
        pages.get("monitors") { request, context in
            let page = try await MonitorsPage.load(store, account: try await account(context), cursor: request.uri.queryParameters.get("cursor"))
            return HTMLResponse.make(page.render())
        }
        pages.get("monitors/:id") { request, context in
            let column = request.uri.queryParameters.get("column").flatMap { $0.isEmpty ? nil : $0 }
            return try await render(MonitorPage.load(store, account: try await account(context), id: try context.parameters.require("id"), column: column)?.render(), context)
        }
        pages.get("alerts") { request, context in
            let query = request.uri.queryParameters
            let principal = try context.requirePrincipal()
            let page = try await AlertsPage.load(
                store, account: try await account(context), state: query.get("state"), monitorID: query.get("monitorId").flatMap { $0.isEmpty ? nil : $0 },
                cursor: query.get("cursor"), canChange: principal.scopes.contains(.admin) || principal.scopes.contains(.write))
            return HTMLResponse.make(page.render())
        }
        // The open-alert count in the navigation, fetched by the dashboard's script.
        pages.get("alerts/count") { _, context in
            JSONResponse.make(["open": try await store.activeAlertCount(accountID: try context.requirePrincipal().accountID)])
        }
        pages.post("alerts/:id/:action") { request, context in
            try PageSecurity.requireSameOrigin(request)
            let principal = try context.requirePrincipal()
            guard principal.scopes.contains(.admin) || principal.scopes.contains(.write) else {
                throw APIError.insufficientScope(needed: .write, held: principal.scopes)
            }
            let state: Alert.State = switch try context.parameters.require("action") {
            case "acknowledge": .acknowledged
            case "resolve": .resolved
            default: throw APIError.notFound("alert action", try context.parameters.require("action"))
            }
            let id = try context.parameters.require("id")
            guard try await store.setAlertState(id, to: state, accountID: principal.accountID) != nil else { return try await render(nil, context) }
            let back = request.headers[.referer].flatMap { URL(string: $0) }.map { $0.path + ($0.query.map { "?" + $0 } ?? "") } ?? "/alerts"
            return HTMLResponse.redirect(to: back.hasPrefix("/") ? back : "/alerts")
        }
        pages.get("items/:id") { _, context in
            try await render(ItemPage.load(store, account: try await account(context), id: try context.parameters.require("id"))?.render(), context)
        }
    }

    private func signIn(_ request: Request, from address: SocketAddress?) async throws -> Response {
        try PageSecurity.requireSameOrigin(request)
        let attempt = signInLimiter.take(address?.ipAddress ?? "unknown", limit: signInLimit)
        guard attempt.allowed else {
            let page = LoginPage(error: "Too many sign-in attempts from this address; wait \(attempt.retryAfterSeconds) s and try again.")
            return HTMLResponse.make(page.render(), status: .tooManyRequests, headers: attempt.headers)
        }
        var request = request
        let body = try await request.collectBody(upTo: 16 * 1024)
        let key = Self.formValue("apiKey", in: String(buffer: body))
        guard let key, let principal = try await store.principal(forToken: key) else {
            return HTMLResponse.make(LoginPage(error: "That API key is not valid here.").render(), status: .unauthorized)
        }
        // The session is a new key of the same account and scopes, so signing out can revoke it alone.
        let session = APIToken.generate()
        try await store.addAPIKey(session, accountID: principal.accountID, isAdmin: principal.isAdmin, name: "Dashboard session", scopes: principal.scopes)
        return HTMLResponse.redirect(to: "/", setCookie: SessionCookie.set(session))
    }

    private func account(_ context: PlexusRequestContext) async throws -> Account {
        let principal = try context.requirePrincipal()
        guard let account = try await store.account(principal.accountID.rawValue) else { throw APIError.unauthorized }
        return account
    }

    private func render(_ html: String?, _ context: PlexusRequestContext) async throws -> Response {
        guard let html else {
            let frame = PageFrame(title: "Not found", crumbs: [.init(title: "Overview", href: "/")], accountName: try await account(context).name)
            return HTMLResponse.make(frame.render("<p class=\"empty\">Nothing here: it does not exist in this account.</p>"), status: .notFound)
        }
        return HTMLResponse.make(html)
    }

    private static func asset(_ source: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=300"], body: .init(byteBuffer: ByteBuffer(string: source)))
    }

    /// The value of `name` in an `application/x-www-form-urlencoded` body.
    static func formValue(_ name: String, in body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.first == name else { continue }
            let raw = parts.count > 1 ? parts[1] : ""
            return raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }
}
