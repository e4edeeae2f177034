/// Every REST operation the server routes, as documented in `/openapi.json` and `/docs`.
/// A test checks this list against the router's own list of routes, both ways.
enum APIEndpoints {
    /// `limit` and `cursor`, the query of every paged listing.
    static let paging: [Endpoint.Parameter] = [
        .init(name: "limit", description: "Rows per page, 1–1000 (default 100).", schema: ["type": "integer", "minimum": 1, "maximum": 1000]),
        .init(name: "cursor", description: "The nextCursor of the previous page."),
    ]

    static let all: [Endpoint] = [
        Endpoint(method: .get, path: "/health", summary: "Is the server up and its database reachable? Needs no key.", tag: "System", scope: nil, response: "Health", authenticated: false),
        Endpoint(method: .get, path: "/metrics", summary: "Every metric in Prometheus's text format, for a scraper. Needs no key.", tag: "System", scope: nil,
                 response: "PrometheusText", authenticated: false),
        Endpoint(method: .get, path: "/openapi.json", summary: "This API as an OpenAPI 3.1 document.", tag: "System", scope: nil, response: "OpenAPIDocument"),
        Endpoint(method: .get, path: "/docs", summary: "Readable API documentation (HTML).", tag: "System", scope: nil, response: "HTML"),
        Endpoint(method: .post, path: "/api/v1/accounts", summary: "Create an account and its first API key (with the admin scope); operator keys only.", tag: "Accounts", scope: .admin, body: "AccountInput", status: 201, response: "AccountCreated"),
        Endpoint(method: .get, path: "/api/v1/accounts/{idOrKey}", summary: "Get an account by ID or key (your own; admins any).", tag: "Accounts", scope: .read, response: "Account"),
        Endpoint(method: .post, path: "/api/v1/scorecards", summary: "Create a scorecard with sections and scores.", tag: "Scorecards", scope: .write, body: "ScorecardDraft", status: 201, response: "Scorecard"),
        Endpoint(method: .get, path: "/api/v1/scorecards", summary: "List scorecards, newest first.", tag: "Scorecards", scope: .read, query: paging, response: "ScorecardPage"),
        Endpoint(method: .get, path: "/api/v1/scorecards/{idOrKey}", summary: "Get a scorecard by ID or key.", tag: "Scorecards", scope: .read, response: "Scorecard"),
        Endpoint(method: .patch, path: "/api/v1/scorecards/{idOrKey}", summary: "Change a scorecard; its version increases by one. Sections merge by name, scores by key.", tag: "Scorecards", scope: .write, body: "ScorecardUpdate", response: "Scorecard"),
        Endpoint(method: .post, path: "/api/v1/items", summary: "Create an item (an existing external ID returns the stored item).", tag: "Items", scope: .write, body: "ItemDraft", status: 201, alsoStatus: 200, response: "Item"),
        Endpoint(method: .post, path: "/api/v1/items/batch", summary: "Create up to 10,000 items in one transaction.", tag: "Items", scope: .write, body: "ItemBatch", response: "BatchOutcome"),
        Endpoint(method: .get, path: "/api/v1/items", summary: "List items, newest first.", tag: "Items", scope: .read, query: paging + [.init(name: "externalId", description: "Only the item with this external ID.")], response: "ItemPage"),
        Endpoint(method: .get, path: "/api/v1/items/{id}", summary: "Get an item.", tag: "Items", scope: .read, response: "Item"),
        Endpoint(method: .put, path: "/api/v1/labels", summary: "Set the human label of an item for a score (replaces an earlier one).", tag: "Labels", scope: .write, body: "LabelInput", response: "Label"),
        Endpoint(method: .post, path: "/api/v1/labels", summary: "Same as PUT /api/v1/labels.", tag: "Labels", scope: .write, body: "LabelInput", response: "Label"),
        Endpoint(method: .get, path: "/api/v1/labels", summary: "List labels, newest first.", tag: "Labels", scope: .read, query: paging + [
            .init(name: "scoreId", description: "Only labels of this score."), .init(name: "itemId", description: "Only labels of this item."),
        ], response: "LabelPage"),
        Endpoint(method: .post, path: "/api/v1/score-results", summary: "Record one score result (a repeated idempotency key returns the stored result with 200).", tag: "Score results", scope: .ingest, body: "ScoreResultInput", status: 201, alsoStatus: 200, response: "ScoreResult"),
        Endpoint(method: .post, path: "/api/v1/score-results/batch", summary: "Record up to 10,000 score results in one transaction; idempotency keys make resends safe.", tag: "Score results", scope: .ingest, body: "ScoreResultBatch", response: "BatchOutcome"),
        Endpoint(method: .get, path: "/api/v1/score-results", summary: "List score results, newest first.", tag: "Score results", scope: .read, query: paging + [
            .init(name: "scorecardId", description: "Only results of this scorecard."), .init(name: "scoreId", description: "Only results of this score."),
            .init(name: "itemId", description: "Only results for this item."), .init(name: "evaluationId", description: "Only results of this evaluation."),
            .init(name: "since", description: "Only results created at or after this time.", schema: Schema.dateTime),
            .init(name: "until", description: "Only results created before this time.", schema: Schema.dateTime),
            .init(name: "value", description: "Only results with this value."),
        ], response: "ScoreResultPage"),
        Endpoint(method: .get, path: "/api/v1/score-results/{id}", summary: "Get a score result.", tag: "Score results", scope: .read, response: "ScoreResult"),
        Endpoint(method: .patch, path: "/api/v1/score-results/{id}", summary: "Change fields of a score result.", tag: "Score results", scope: .write, body: "ScoreResultUpdate", response: "ScoreResult"),
        Endpoint(method: .post, path: "/api/v1/evaluations", summary: "Create an evaluation (PENDING).", tag: "Evaluations", scope: .write, body: "EvaluationInput", status: 201, response: "Evaluation"),
        Endpoint(method: .get, path: "/api/v1/evaluations", summary: "List evaluations, newest first.", tag: "Evaluations", scope: .read, query: paging + [.init(name: "scorecardId", description: "Only evaluations of this scorecard.")], response: "EvaluationPage"),
        Endpoint(method: .get, path: "/api/v1/evaluations/{id}", summary: "Get an evaluation.", tag: "Evaluations", scope: .read, response: "Evaluation"),
        Endpoint(method: .patch, path: "/api/v1/evaluations/{id}", summary: "Update status, progress and metrics of an evaluation.", tag: "Evaluations", scope: .write, body: "EvaluationUpdate", response: "Evaluation"),
        Endpoint(method: .get, path: "/api/v1/ws", summary: "Live updates over a WebSocket (upgrade). Send {\"type\":\"subscribe\"|\"unsubscribe\",\"topic\":\"evaluation\"|\"scorecard\"|\"performance\"|\"alerts\",\"id\":…}; receive evaluation.updated, score_result.created (summed per scorecard, at most twice a second), performance.updated, and error messages.", tag: "Live updates", scope: .read, status: 101, response: "LiveEvent"),
        Endpoint(method: .get, path: "/api/v1/ws/connect", summary: "The seed's model socket: the same WebSocket, authenticated also by ?token= with an API key or a token. Send {\"type\":\"subscribe_model\",\"model_id\":\"churn\"} (an ID, name@version, or a name for every version; unsubscribe_model to stop); receive subscribed, prediction.logged (logged predictions summed per model at most twice a second, with the first 20), explanation.completed (each stored explanation's summary) and the alerts of monitors on the model's series model.<name>, besides every topic of /api/v1/ws.", tag: "Live updates", scope: .read, status: 101, response: "LiveEvent"),
        Endpoint(method: .get, path: "/api/v1/ws/test-page", summary: "The seed's WebSocket test page: connect with this browser's session (or a key), subscribe to a model and watch its messages.", tag: "Live updates", scope: .read, response: "HTML"),
        Endpoint(method: .get, path: "/api/v1/ws/test-page.js", summary: "The test page's script.", tag: "Live updates", scope: .read, response: "JavaScript"),
        Endpoint(method: .post, path: "/graphql", summary: "GraphQL queries and mutations mirroring these resources (queries need the read scope, mutations write, mutations that only create score results ingest).", tag: "GraphQL", scope: nil, body: "GraphQLRequest", response: "GraphQLResponse"),
    ] + versions + jobs + performance + comparisons + keys + data + monitoring + onnxModels + agents
}
