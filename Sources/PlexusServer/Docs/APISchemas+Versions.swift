import PlexusCore

/// The JSON Schemas of scorecard versions, models, resuming and training data.
extension APISchemas {
    private typealias S = Schema

    static let versions: [String: JSONValue] = [
        "ScorecardSourceInput": S.object(["source": S.string], required: ["source"]),
        "ScorecardVersion": S.object([
            "id": S.string, "scorecardId": S.string, "scorecardKey": S.string, "version": S.integer, "source": S.string, "createdAt": S.dateTime,
        ], required: ["id", "scorecardId", "scorecardKey", "version", "source", "createdAt"]),
        "ScorecardVersionPage": S.page(of: "ScorecardVersion"),
        "ModelArtifactInput": S.object(["algorithm": S.string, "artifact": S.string, "metrics": ["type": "object"]], required: ["algorithm", "artifact"]),
        "ModelArtifact": S.object([
            "id": S.string, "scorecardKey": S.string, "scoreKey": S.string, "version": S.integer, "algorithm": S.string,
            "artifact": S.string, "metrics": S.anyJSON, "createdAt": S.dateTime,
        ], required: ["id", "scorecardKey", "scoreKey", "version", "algorithm", "artifact", "createdAt"]),
        "ModelArtifactSummary": S.object([
            "id": S.string, "scorecardKey": S.string, "scoreKey": S.string, "version": S.integer, "algorithm": S.string,
            "metrics": S.anyJSON, "createdAt": S.dateTime,
        ], required: ["id", "scorecardKey", "scoreKey", "version", "algorithm", "createdAt"]),
        "ModelArtifactSummaryPage": S.page(of: "ModelArtifactSummary"),
        "ScoredItemsQuery": S.object([
            "version": ["type": "integer", "minimum": 1], "scores": S.array(S.string),
            "itemIds": ["type": "array", "items": S.string, "maxItems": 1000],
        ], required: ["itemIds"]),
        "ScoredItems": S.object(["scored": S.array(S.string)], required: ["scored"]),
        "LabelBatch": S.object(["labels": ["type": "array", "items": S.ref("LabelInput"), "maxItems": 1000]], required: ["labels"]),
        "LabelBatchOutcome": S.object(["count": S.integer], required: ["count"]),
        "LabelledItem": S.object(["itemId": S.string, "text": S.string, "metadata": S.anyJSON, "label": S.string], required: ["itemId", "text", "label"]),
        "LabelledItemPage": S.page(of: "LabelledItem"),
        "Diagnostic": S.object([
            "line": S.integer, "column": S.integer, "path": S.string, "message": S.string,
        ], required: ["path", "message"]),
    ]
}
