import PlexusCore

/// The JSON Schemas of background jobs.
extension APISchemas {
    private typealias S = Schema

    private static let itemSelection: JSONValue = [
        "oneOf": [S.enumeration(["unscored", "all"]), ["type": "array", "items": S.string, "minItems": 1, "maxItems": 10000]],
    ]

    static let jobs: [String: JSONValue] = [
        "JobInput": S.object([
            "kind": S.enumeration(JobKind.submittable.map(\.rawValue)), "scorecard": S.string, "version": ["type": "integer", "minimum": 1],
            "scores": S.array(S.string), "items": itemSelection, "sample": ["type": "integer", "minimum": 1], "seed": S.integer,
        ], required: ["kind", "scorecard"]),
        "JobParameters": S.object([
            "scorecard": S.string, "version": S.integer, "scores": S.array(S.string), "items": itemSelection, "sample": S.integer, "seed": S.integer,
            "monitorId": S.string, "dueAt": S.dateTime, "modelId": S.string,
        ]),
        "JobProgress": S.object([
            "totalItems": S.integer, "itemsScored": S.integer, "itemsResumed": S.integer, "resultsStored": S.integer,
            "resultsSkipped": S.integer, "failures": S.integer, "cost": S.nonNegative,
        ], required: ["itemsScored", "itemsResumed", "resultsStored", "resultsSkipped", "failures", "cost"]),
        "Job": S.object([
            "id": S.string, "accountId": S.string, "kind": S.enumeration(JobKind.allCases.map(\.rawValue)),
            "status": S.enumeration(["queued", "running", "completed", "failed"]), "parameters": S.ref("JobParameters"),
            "progress": S.ref("JobProgress"), "evaluationIds": S.array(S.string), "error": S.string, "attempts": S.integer,
            "createdAt": S.dateTime, "updatedAt": S.dateTime, "startedAt": S.dateTime, "completedAt": S.dateTime,
        ], required: ["id", "accountId", "kind", "status", "parameters", "progress", "evaluationIds", "attempts", "createdAt", "updatedAt"]),
        "JobPage": S.page(of: "Job"),
    ]
}
