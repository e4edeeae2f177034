/// Monitors, their runs, alerts, series points and the scheduler.
extension APIEndpoints {
    private static let stateFilter = Endpoint.Parameter(
        name: "state", description: "Only alerts in this state.", schema: Schema.enumeration(["open", "acknowledged", "resolved"]))

    static let monitoring: [Endpoint] = [
        Endpoint(
            method: .post, path: "/api/v1/monitors",
            summary: "Create a monitor: a source (dataset, series), a reference (a dataset, a fixed range or the trailing window before the current one), the current window's length, drift tests per column (Evidently's by default), rules that raise alerts, a minimum sample size and an optional cron schedule.",
            tag: "Monitoring", scope: .write, body: "MonitorDefinition", status: 201, response: "Monitor"),
        Endpoint(method: .get, path: "/api/v1/monitors", summary: "List the account's monitors, newest first, with their latest status and live alert count.", tag: "Monitoring", scope: .read,
                 query: paging + [.init(name: "subject", description: "Only monitors watching this subject (such as a model ID).")], response: "MonitorPage"),
        Endpoint(method: .get, path: "/api/v1/monitors/{id}", summary: "Get a monitor.", tag: "Monitoring", scope: .read, response: "Monitor"),
        Endpoint(method: .put, path: "/api/v1/monitors/{id}", summary: "Replace a monitor's definition; its runs and alerts stay.", tag: "Monitoring", scope: .write,
                 body: "MonitorDefinition", response: "Monitor"),
        Endpoint(method: .delete, path: "/api/v1/monitors/{id}", summary: "Delete a monitor with its runs and alerts.", tag: "Monitoring", scope: .write, response: "MonitorDeleted"),
        Endpoint(method: .post, path: "/api/v1/monitors/{id}/run", summary: "Run a monitor now: the current window ends now. Answers the stored run and the alerts it raised, bumped or resolved.",
                 tag: "Monitoring", scope: .write, status: 201, response: "MonitorRunResult"),
        Endpoint(method: .get, path: "/api/v1/monitors/{id}/runs", summary: "A monitor's runs, newest first: windows, sample sizes, per-column test, score, threshold and verdict, and the rules that fired.",
                 tag: "Monitoring", scope: .read, query: paging, response: "MonitorRunPage"),
        Endpoint(method: .post, path: "/api/v1/monitoring/series/{name}/points",
                 summary: "Post up to 10,000 points of a series (numbers and categories by name, each with an optional time) for series monitors to compare.",
                 tag: "Monitoring", scope: .ingest, body: "SeriesPointBatch", status: 201, response: "SeriesPointsStored"),
        Endpoint(method: .post, path: "/api/v1/monitoring/configure/{model_id}",
                 summary: "The seed's model-centred form of creating a monitor: creates the monitor watching model_id (its subject), or replaces the first one that does.",
                 tag: "Monitoring", scope: .write, body: "MonitorDefinition", status: 201, alsoStatus: 200, response: "Monitor"),
        Endpoint(method: .post, path: "/api/v1/monitoring/drift/detect/{model_id}", summary: "Run every monitor watching model_id now.",
                 tag: "Monitoring", scope: .write, status: 201, response: "DriftDetection"),
        Endpoint(method: .get, path: "/api/v1/monitoring/alerts/{model_id}", summary: "The alerts of the monitors watching model_id, newest first.",
                 tag: "Monitoring", scope: .read, query: [stateFilter], response: "AlertPage"),
        Endpoint(method: .get, path: "/api/v1/alerts", summary: "The account's alerts, newest first: one per monitor and rule while it lasts, with its count, first and last sighting.",
                 tag: "Monitoring", scope: .read, query: paging + [stateFilter, .init(name: "monitorId", description: "Only this monitor's alerts.")], response: "AlertPage"),
        Endpoint(method: .post, path: "/api/v1/alerts/{id}/acknowledge", summary: "Acknowledge an open alert (it still resolves by itself when the data recovers).",
                 tag: "Monitoring", scope: .write, response: "Alert"),
        Endpoint(method: .post, path: "/api/v1/alerts/{id}/resolve", summary: "Resolve an alert; the next firing run raises a new one.", tag: "Monitoring", scope: .write, response: "Alert"),
        Endpoint(method: .post, path: "/api/v1/webhooks",
                 summary: "Register a webhook for the account's alert events: each is posted as JSON with a text field (so a Slack incoming-webhook URL works as is), signed in X-Plexus-Signature (sha256= HMAC of the body with the secret), retried with backoff for a day. The secret is shown in this answer only; one is made when none is given.",
                 tag: "Monitoring", scope: .admin, body: "WebhookInput", status: 201, response: "WebhookCreated"),
        Endpoint(method: .get, path: "/api/v1/webhooks", summary: "The account's webhooks (never their secrets).", tag: "Monitoring", scope: .admin, response: "WebhookList"),
        Endpoint(method: .delete, path: "/api/v1/webhooks/{id}", summary: "Delete a webhook and its delivery log.", tag: "Monitoring", scope: .admin, response: "WebhookDeleted"),
        Endpoint(method: .get, path: "/api/v1/webhooks/{id}/deliveries", summary: "A webhook's deliveries, newest first: event, state, attempts, last status or error, next attempt.",
                 tag: "Monitoring", scope: .admin, query: paging, response: "WebhookDeliveryPage"),
        Endpoint(method: .get, path: "/api/v1/scheduler/status", summary: "The account's scheduled monitors: schedule, time zone, next and last run, last outcome.",
                 tag: "Monitoring", scope: .read, response: "SchedulerStatus"),
        Endpoint(method: .post, path: "/api/v1/scheduler/trigger", summary: "Run one scheduled monitor now, outside its schedule.", tag: "Monitoring", scope: .write,
                 body: "SchedulerTrigger", status: 201, response: "MonitorRunResult"),
    ]
}
