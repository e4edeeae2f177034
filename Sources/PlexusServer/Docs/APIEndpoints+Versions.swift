/// Scorecard versions, trained models, resuming and training data.
extension APIEndpoints {
    private static let models = "/api/v1/scorecards/{idOrKey}/scores/{scoreKey}/models"

    static let versions: [Endpoint] = [
        Endpoint(method: .post, path: "/api/v1/scorecards/versions", summary: "Push a scorecard's YAML source: it is parsed and checked (422 with every problem in error.details otherwise), then creates the scorecard or updates it, and is kept verbatim as its next version.", tag: "Scorecard versions", scope: .write, body: "ScorecardSourceInput", status: 201, response: "ScorecardVersion"),
        Endpoint(method: .get, path: "/api/v1/scorecards/{idOrKey}/versions", summary: "List a scorecard's versions, newest first.", tag: "Scorecard versions", scope: .read, query: paging, response: "ScorecardVersionPage"),
        Endpoint(method: .get, path: "/api/v1/scorecards/{idOrKey}/versions/{version}", summary: "Get one version (a number, or 'latest') with its source verbatim.", tag: "Scorecard versions", scope: .read, response: "ScorecardVersion"),
        Endpoint(method: .post, path: models, summary: "Store a trained model as the score's next version.", tag: "Models", scope: .write, body: "ModelArtifactInput", status: 201, response: "ModelArtifact"),
        Endpoint(method: .get, path: models, summary: "List a score's models without their artifacts, newest first.", tag: "Models", scope: .read, query: paging, response: "ModelArtifactSummaryPage"),
        Endpoint(method: .get, path: models + "/{version}", summary: "Get one model (a number, or 'latest') with its artifact.", tag: "Models", scope: .read, response: "ModelArtifact"),
        Endpoint(method: .post, path: "/api/v1/scorecards/{idOrKey}/scored-items", summary: "Which of up to 1,000 items (external IDs) already have a result for every listed score, optionally of one scorecard version; for resuming runs.", tag: "Score results", scope: .read, body: "ScoredItemsQuery", response: "ScoredItems"),
        Endpoint(method: .post, path: "/api/v1/labels/batch", summary: "Set up to 1,000 labels in one transaction; a label for the same item and score replaces the stored one.", tag: "Labels", scope: .write, body: "LabelBatch", response: "LabelBatchOutcome"),
        Endpoint(method: .get, path: "/api/v1/scorecards/{idOrKey}/scores/{scoreKey}/labelled-items", summary: "The items labelled for a score, with text, metadata and label, newest label first.", tag: "Labels", scope: .read, query: paging, response: "LabelledItemPage"),
    ]
}
