/// Agent projects: one AI agent each, whose production LLM logs Plexus keeps and analyses.
extension APIEndpoints {
    static let agents: [Endpoint] = [
        Endpoint(method: .post, path: "/api/v1/projects", summary: "Create a project for one AI agent: key, name, the model it uses, candidates, privacy mode and settings (left-out settings take the server's defaults: CONFIDENCE_THRESHOLD 0.7, JUDGE_DISAGREEMENT_THRESHOLD 0.3, DEFAULT_REPLAY_SAMPLE_SIZE 100, EVALUATION_SCHEDULE_CRON '0 2 * * 0').",
                 tag: "Projects", scope: .write, body: "ProjectInput", status: 201, response: "Project"),
        Endpoint(method: .get, path: "/api/v1/projects", summary: "List the account's projects, newest first.", tag: "Projects", scope: .read, query: paging, response: "ProjectPage"),
        Endpoint(method: .get, path: "/api/v1/projects/{idOrKey}", summary: "Get a project by ID or key.", tag: "Projects", scope: .read, response: "Project"),
        Endpoint(method: .patch, path: "/api/v1/projects/{idOrKey}", summary: "Change a project's fields (not its key); settings merge field by field; incumbentModel null clears it.",
                 tag: "Projects", scope: .write, body: "ProjectUpdate", response: "Project"),
    ]
}
