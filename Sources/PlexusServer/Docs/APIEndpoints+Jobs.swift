/// Background scoring and evaluation jobs.
extension APIEndpoints {
    static let jobs: [Endpoint] = [
        Endpoint(method: .post, path: "/api/v1/jobs", summary: "Queue a job for the server's job runner: kind 'scoring' scores stored items (items: \"unscored\", \"all\" or a list of external IDs; upload them first with POST /api/v1/items/batch) with a scorecard version and stores the results; kind 'evaluation' scores the stored labelled items (optionally a seeded sample) and records one evaluation per score with live metrics. Answers 202 with the queued job; poll GET /api/v1/jobs/{id}.", tag: "Jobs", scope: .write, body: "JobInput", status: 202, response: "Job"),
        Endpoint(method: .get, path: "/api/v1/jobs", summary: "List jobs, newest first.", tag: "Jobs", scope: .read, query: [
            .init(name: "limit", description: "Rows per page, 1–1000 (default 100).", schema: ["type": "integer", "minimum": 1, "maximum": 1000]),
            .init(name: "cursor", description: "The nextCursor of the previous page."),
        ], response: "JobPage"),
        Endpoint(method: .get, path: "/api/v1/jobs/{id}", summary: "Get a job: its status, progress and, for evaluations, the evaluations it records.", tag: "Jobs", scope: .read, response: "Job"),
    ]
}
