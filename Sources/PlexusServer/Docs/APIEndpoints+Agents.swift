import PlexusAgents

/// Agent projects: one AI agent each, whose production LLM logs Plexus keeps and analyses.
extension APIEndpoints {
    static let agents: [Endpoint] = [
        Endpoint(method: .post, path: "/api/v1/projects", summary: "Create a project for one AI agent: key, name, the model it uses, candidates, privacy mode and settings (left-out settings take the server's defaults: CONFIDENCE_THRESHOLD 0.7, JUDGE_DISAGREEMENT_THRESHOLD 0.3, DEFAULT_REPLAY_SAMPLE_SIZE 100, EVALUATION_SCHEDULE_CRON '0 2 * * 0').",
                 tag: "Projects", scope: .write, body: "ProjectInput", status: 201, response: "Project"),
        Endpoint(method: .get, path: "/api/v1/projects", summary: "List the account's projects, newest first.", tag: "Projects", scope: .read, query: paging, response: "ProjectPage"),
        Endpoint(method: .get, path: "/api/v1/projects/{idOrKey}", summary: "Get a project by ID or key.", tag: "Projects", scope: .read, response: "Project"),
        Endpoint(method: .patch, path: "/api/v1/projects/{idOrKey}", summary: "Change a project's fields (not its key); settings merge field by field; incumbentModel null clears it.",
                 tag: "Projects", scope: .write, body: "ProjectUpdate", response: "Project"),
        Endpoint(method: .post, path: "/api/v1/logs/{projectId}/upload",
                 summary: "Import a JSON Lines file of the project's LLM logs (format portkey: a Portkey logs export; openai-jsonl: {\"request\",\"response\"} per line), streamed in batches of 1,000 lines, each stored in one transaction. A record already stored is a duplicate; a changed record with a stored ID becomes its next version. Unreadable lines are counted and the first 100 listed with their line and reason.",
                 tag: "Logs", scope: .ingest,
                 query: [.init(name: "format", description: "portkey (default) or openai-jsonl.", schema: Schema.enumeration(LogFormatRegistry.standard.names))],
                 body: "LogLines", bodyMediaTypes: ["application/x-ndjson", "text/plain"], response: "LogImportReport"),
        Endpoint(method: .get, path: "/api/v1/logs/{projectId}", summary: "The project's logs (the newest version of each), newest call first.", tag: "Logs", scope: .read,
                 query: paging, response: "AgentLogPage"),
        Endpoint(method: .get, path: "/api/v1/logs/{projectId}/stats",
                 summary: "What the project's logs add up to: count, time range, cost, refusals by kind and by detection layer, and per model the calls, error and refusal rates, latency p50/p95/p99 (NumPy's linear interpolation), tokens and cost.",
                 tag: "Logs", scope: .read, response: "LogStats"),
        Endpoint(method: .get, path: "/api/v1/logs/{projectId}/{id}", summary: "One log by its ID or external ID: its newest version and the list of its versions.", tag: "Logs", scope: .read,
                 response: "AgentLogDetail"),
    ]
}
