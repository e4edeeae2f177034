import PlexusCore

/// The JSON Schemas of every request and response body, keyed by name.
enum APISchemas {
    private typealias S = Schema

    static let all: [String: JSONValue] = resources.merging(inputs, uniquingKeysWith: { first, _ in first })
        .merging(envelopes, uniquingKeysWith: { first, _ in first })
        .merging(performance, uniquingKeysWith: { first, _ in first })
        .merging(versions, uniquingKeysWith: { first, _ in first })
        .merging(jobs, uniquingKeysWith: { first, _ in first })
        .merging(comparisons, uniquingKeysWith: { first, _ in first })
        .merging(keys, uniquingKeysWith: { first, _ in first })
        .merging(data, uniquingKeysWith: { first, _ in first })
        .merging(monitoring, uniquingKeysWith: { first, _ in first })
        .merging(models, uniquingKeysWith: { first, _ in first })
        .merging(agents, uniquingKeysWith: { first, _ in first })

    private static let resources: [String: JSONValue] = [
        "Account": S.object(
            ["id": S.string, "key": S.string, "name": S.string, "createdAt": S.dateTime, "rateLimit": S.ref("RateLimit")], required: ["id", "key", "name", "createdAt"]),
        "Score": S.object([
            "id": S.string, "key": S.string, "name": S.string, "classes": S.array(S.string), "positiveClass": S.string, "classifier": S.anyJSON,
        ], required: ["id", "key", "name", "classes"]),
        "ScorecardSection": S.object(["id": S.string, "name": S.string, "scores": S.array(S.ref("Score"))], required: ["id", "name", "scores"]),
        "Scorecard": S.object([
            "id": S.string, "accountId": S.string, "key": S.string, "name": S.string, "description": S.string, "version": S.integer,
            "sections": S.array(S.ref("ScorecardSection")), "createdAt": S.dateTime, "updatedAt": S.dateTime,
        ], required: ["id", "accountId", "key", "name", "description", "version", "sections", "createdAt", "updatedAt"]),
        "Item": S.object([
            "id": S.string, "accountId": S.string, "externalId": S.string, "text": S.string, "metadata": S.anyJSON, "createdAt": S.dateTime,
        ], required: ["id", "accountId", "externalId", "text", "createdAt"]),
        "Label": S.object([
            "id": S.string, "itemId": S.string, "scoreId": S.string, "value": S.string, "source": S.string,
            "createdAt": S.dateTime, "updatedAt": S.dateTime,
        ], required: ["id", "itemId", "scoreId", "value", "createdAt", "updatedAt"]),
        "ScoreResult": S.object([
            "id": S.string, "accountId": S.string, "scorecardId": S.string, "scoreId": S.string, "itemId": S.string, "value": S.string,
            "confidence": S.unitInterval, "explanation": S.string, "metadata": S.anyJSON, "cost": S.nonNegative, "latency": S.nonNegative,
            "evaluationId": S.string, "scoringJobId": S.string, "idempotencyKey": S.string, "scorecardVersion": S.integer,
            "createdAt": S.dateTime, "updatedAt": S.dateTime,
        ], required: ["id", "accountId", "scorecardId", "scoreId", "itemId", "value", "createdAt", "updatedAt"]),
        "Evaluation": S.object([
            "id": S.string, "accountId": S.string, "type": S.string, "scorecardId": S.string, "scoreId": S.string, "parameters": S.anyJSON,
            "status": S.ref("EvaluationStatus"), "progress": S.unitInterval, "processedItems": S.integer, "totalItems": S.integer,
            "accuracy": S.unitInterval, "metrics": S.anyJSON, "confusionMatrix": S.anyJSON, "errorMessage": S.string,
            "errorDetails": S.anyJSON, "createdAt": S.dateTime, "updatedAt": S.dateTime, "startedAt": S.dateTime, "completedAt": S.dateTime,
        ], required: ["id", "accountId", "type", "scorecardId", "status", "progress", "processedItems", "createdAt", "updatedAt"]),
        "EvaluationStatus": S.enumeration(EvaluationStatus.allCases.map(\.rawValue)),
    ]

    private static let inputs: [String: JSONValue] = [
        "AccountInput": S.object(["key": S.string, "name": S.string], required: ["key", "name"]),
        "ScoreDraft": S.object([
            "key": S.string, "name": S.string, "classes": S.array(S.string), "positiveClass": S.string, "classifier": S.anyJSON,
        ], required: ["key"]),
        "SectionDraft": S.object(["name": S.string, "scores": S.array(S.ref("ScoreDraft"))], required: ["name", "scores"]),
        "ScorecardDraft": S.object([
            "key": S.string, "name": S.string, "description": S.string, "sections": S.array(S.ref("SectionDraft")),
        ], required: ["key", "name", "sections"]),
        "ScorecardUpdate": S.object(["name": S.string, "description": S.string, "sections": S.array(S.ref("SectionDraft"))]),
        "ItemDraft": S.object(["externalId": S.string, "text": S.string, "metadata": S.anyJSON], required: ["externalId"]),
        "ItemBatch": S.object(["items": S.array(S.ref("ItemDraft"))], required: ["items"]),
        "LabelInput": S.object([
            "scorecardId": S.string, "scorecardKey": S.string, "scoreId": S.string, "scoreKey": S.string,
            "itemId": S.string, "itemExternalId": S.string, "value": S.string, "source": S.string,
        ], required: ["value"]),
        "ScoreResultInput": S.object([
            "scorecardId": S.string, "scorecardKey": S.string, "scoreId": S.string, "scoreKey": S.string, "itemId": S.string,
            "itemExternalId": S.string, "value": S.string, "confidence": S.unitInterval, "explanation": S.string, "metadata": S.anyJSON,
            "cost": S.nonNegative, "latency": S.nonNegative, "evaluationId": S.string, "scoringJobId": S.string, "idempotencyKey": S.string,
            "createdAt": S.dateTime, "scorecardVersion": ["type": "integer", "minimum": 1],
        ], required: ["value"]),
        "ScoreResultBatch": S.object(["scoreResults": S.array(S.ref("ScoreResultInput"))], required: ["scoreResults"]),
        "ScoreResultUpdate": S.object([
            "value": S.string, "confidence": S.unitInterval, "explanation": S.string, "metadata": S.anyJSON,
            "cost": S.nonNegative, "latency": S.nonNegative,
        ]),
        "EvaluationInput": S.object([
            "type": S.string, "scorecardId": S.string, "scorecardKey": S.string, "scoreId": S.string, "scoreKey": S.string,
            "parameters": S.anyJSON, "totalItems": S.integer,
        ]),
        "EvaluationUpdate": S.object([
            "status": S.ref("EvaluationStatus"), "progress": S.unitInterval, "processedItems": S.integer, "totalItems": S.integer,
            "accuracy": S.unitInterval, "metrics": S.anyJSON, "confusionMatrix": S.anyJSON, "errorMessage": S.string, "errorDetails": S.anyJSON,
        ]),
        "GraphQLRequest": S.object(["query": S.string, "variables": S.anyJSON, "operationName": S.string], required: ["query"]),
    ]

    private static let envelopes: [String: JSONValue] = [
        "AccountCreated": S.object(["account": S.ref("Account"), "apiKey": S.string], required: ["account", "apiKey"]),
        "BatchOutcome": S.object(["created": S.integer, "duplicates": S.integer, "ids": S.array(S.string)], required: ["created", "duplicates", "ids"]),
        "ScorecardPage": S.page(of: "Scorecard"),
        "ItemPage": S.page(of: "Item"),
        "LabelPage": S.page(of: "Label"),
        "ScoreResultPage": S.page(of: "ScoreResult"),
        "EvaluationPage": S.page(of: "Evaluation"),
        "Health": S.object(["status": S.string, "database": S.string], required: ["status", "database"]),
        "Error": S.object([
            "error": S.object([
                "code": S.string, "message": S.string, "field": S.nullable(S.string), "details": S.array(S.ref("Diagnostic")),
            ], required: ["code", "message", "field"]),
        ], required: ["error"]),
        "GraphQLResponse": S.object(["data": S.anyJSON, "errors": S.array(S.anyJSON)]),
        "OpenAPIDocument": ["type": "object", "description": "An OpenAPI 3.1 document."],
        "LiveEvent": S.object([
            "type": S.enumeration(["evaluation.updated", "score_result.created", "performance.updated", "subscribed", "unsubscribed", "error"]),
            "evaluation": S.ref("Evaluation"), "scorecardId": S.string, "count": S.integer, "topic": S.string, "id": S.string, "message": S.string,
        ], required: ["type"]),
        "HTML": ["type": "string", "description": "An HTML page."],
        "JavaScript": ["type": "string", "description": "A script."],
        "PrometheusText": ["type": "string", "description": "Every metric in Prometheus's text exposition format, version 0.0.4."],
    ]
}
