import PlexusCore
import PlexusMonitoring
import PlexusStore

/// `/alerts`: the account's alerts, newest first, filtered by state or monitor, each open or
/// acknowledged one with buttons to acknowledge or resolve it; the page follows new alerts live.
struct AlertsPage {
    let account: Account
    let alerts: Page<Alert>
    let state: Alert.State?
    let monitorID: String?
    /// Whether the viewer may change alerts (a session with the write or admin scope).
    let canChange: Bool

    static func load(_ store: SQLStore, account: Account, state: String?, monitorID: String?, cursor: String?, canChange: Bool) async throws -> AlertsPage {
        let chosen = state.flatMap(Alert.State.init(rawValue:))
        let alerts = try await store.alerts(accountID: account.id, state: chosen, monitorID: monitorID, page: PageRequest(limit: 50, cursor: cursor))
        return AlertsPage(account: account, alerts: alerts, state: chosen, monitorID: monitorID, canChange: canChange)
    }

    func render() -> String {
        let filters = ([nil] + Alert.State.allCases.map(Optional.some)).map { option -> String in
            let title = option?.rawValue ?? "all"
            let query = [option.map { "state=\($0.rawValue)" }, monitorID.map { "monitorId=\($0)" }].compactMap { $0 }.joined(separator: "&")
            return option == state ? "<strong>\(title)</strong>" : HTML.link("/alerts" + (query.isEmpty ? "" : "?" + query), title)
        }.joined(separator: " · ")
        let rows = alerts.data.map { alert in
            [
                "<span class=\"badge alert-\(alert.state.rawValue)\">\(alert.state.rawValue)</span>",
                HTML.link("/monitors/\(alert.monitorId.rawValue)", alert.monitorName), "<code>\(HTML.escape(alert.rule))</code>", HTML.escape(alert.message),
                "\(alert.count)", HTML.time(alert.raisedAt), HTML.time(alert.lastSeenAt), actions(alert),
            ]
        }
        let next = alerts.nextCursor.map { cursor in
            let query = [state.map { "state=\($0.rawValue)" }, monitorID.map { "monitorId=\($0)" }, "cursor=\(cursor)"].compactMap { $0 }.joined(separator: "&")
            return "<p class=\"pager\">\(HTML.link("/alerts?" + query, "Next page →"))</p>"
        } ?? ""
        return PageFrame(title: "Alerts", crumbs: [.init(title: "Overview", href: "/"), .init(title: "Alerts", href: nil)], accountName: account.name,
                         live: ["live-alerts": "1"]).render(
            "<p class=\"filters\">\(filters)</p>"
                + HTML.table(["State", "Monitor", "Rule", "What happened", "Count", "Raised", "Last seen", ""], rows,
                             empty: "No alerts. Monitors raise them when a rule fires; see `plexus monitor list`.") + next)
    }

    private func actions(_ alert: Alert) -> String {
        guard canChange, alert.isActive else { return alert.resolvedBy.map { "resolved (\($0))" } ?? "" }
        let acknowledge = alert.state == .open ? Self.button(alert, "acknowledge", "Acknowledge") : ""
        return acknowledge + Self.button(alert, "resolve", "Resolve")
    }

    private static func button(_ alert: Alert, _ action: String, _ title: String) -> String {
        "<form class=\"inline\" method=\"post\" action=\"/alerts/\(HTML.escape(alert.id.rawValue))/\(action)\"><button type=\"submit\">\(title)</button></form>"
    }
}
