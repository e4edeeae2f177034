import PlexusCore
import PlexusModels
import PlexusMonitoring
import PlexusStats

/// The JSON Schemas of monitors, runs, alerts, series points and the scheduler.
extension APISchemas {
    private typealias S = Schema

    private static let window: JSONValue = ["type": "string", "pattern": "^[0-9]+[mhdw]$", "description": "A length such as 30m, 6h, 1d or 2w."]
    private static let status = S.enumeration(MonitorCheck.Status.allCases.map(\.rawValue))
    private static let timeRange = S.object(["from": S.dateTime, "to": S.dateTime], required: ["from", "to"])
    private static let looseObject: JSONValue = ["type": "object"]
    private static let eventKind = S.enumeration(["alert.raised", "alert.updated", "alert.resolved"])

    static let monitoring: [String: JSONValue] = [
        "MonitorDefinition": S.closed(S.object([
            "name": ["type": "string", "minLength": 1, "maxLength": 200], "description": ["type": "string", "maxLength": 2000],
            "subject": ["type": "string", "minLength": 1, "maxLength": 200],
            "source": S.ref("MonitorSource"), "reference": S.ref("MonitorReference"), "window": window,
            "columns": ["type": "array", "items": ["type": "string", "minLength": 1], "minItems": 1, "maxItems": 1000],
            "drift": S.ref("MonitorDriftSettings"), "rules": ["type": "array", "items": S.ref("MonitorRule"), "maxItems": 50],
            "minimumSampleSize": ["type": "integer", "minimum": 1, "maximum": 10_000_000], "schedule": ["type": "string", "description": "Cron: five fields or @hourly, @daily, @weekly, @monthly."],
            "timeZone": S.string, "autoResolveAfter": ["type": "integer", "minimum": 1, "maximum": 1000], "enabled": S.boolean,
        ], required: ["name", "source", "reference"])),
        "MonitorSource": [
            "type": "object", "required": ["kind"], "additionalProperties": false,
            "description": "{\"kind\": \"dataset\", \"dataset\": \"<id or name>\"}, {\"kind\": \"series\", \"series\": \"<name>\"}, {\"kind\": \"score\", \"scorecard\": \"<key>\", \"score\": \"<key>\"} or {\"kind\": \"performance\"}.",
            "properties": [
                "kind": S.enumeration(MonitorSourceRegistry.withModels.kinds), "dataset": S.string, "series": S.string, "scorecard": S.string, "score": S.string,
                "model": S.string, "method": S.string, "output": ["description": "A class label (string) or an output index (integer)."],
                "rows": ["type": "integer", "minimum": 1, "maximum": 1000],
            ],
        ],
        "MonitorReference": [
            "type": "object", "additionalProperties": false, "description": "{\"dataset\": \"<id>\"}, {\"from\": …, \"to\": …} or {\"trailing\": \"7d\"}.",
            "properties": ["dataset": S.string, "from": S.dateTime, "to": S.dateTime, "trailing": window],
        ],
        "MonitorDriftSettings": S.closed(S.object([
            "share": ["type": "number", "exclusiveMinimum": 0, "maximum": 1],
            "methods": ["type": "object", "additionalProperties": S.closed(S.object([
                "method": S.enumeration(DriftMethod.allCases.map(\.rawValue)), "threshold": ["type": "number", "exclusiveMinimum": 0],
            ]))],
            "categoryShiftPoints": ["type": "number", "exclusiveMinimum": 0, "maximum": 100],
        ])),
        "MonitorRule": [
            "type": "object", "required": ["type"], "additionalProperties": false,
            "description": "drift_share (atLeast), column_drift (column), metric_threshold (column, statistic, category, above, below) or metric_change (column, statistic, category, percent).",
            "properties": [
                "type": S.enumeration(MonitorRule.types), "atLeast": ["type": "number", "exclusiveMinimum": 0, "maximum": 1], "column": S.string,
                "statistic": S.enumeration(MetricSpec.Statistic.allCases.map(\.rawValue)), "category": S.string,
                "above": S.number, "below": S.number, "percent": ["type": "number", "exclusiveMinimum": 0],
            ],
        ],
        "Monitor": S.object([
            "id": S.string, "definition": S.ref("MonitorDefinition"), "status": status, "lastRunAt": S.dateTime, "nextRunAt": S.dateTime,
            "activeAlerts": S.integer, "createdAt": S.dateTime, "updatedAt": S.dateTime,
        ], required: ["id", "definition", "activeAlerts", "createdAt", "updatedAt"]),
        "MonitorPage": S.page(of: "Monitor"),
        "MonitorDeleted": S.object(["id": S.string, "deleted": S.boolean], required: ["id", "deleted"]),
        "MonitorCheck": S.object([
            "status": status, "referenceRows": S.integer, "currentRows": S.integer,
            "drift": ["type": "object", "description": "Per-column verdicts (method, score, statistic, threshold, drifted, adjustedPValue, counts, shifted categories) and the share that drifted."],
            "metrics": S.array(looseObject), "fired": S.array(S.object(["key": S.string, "message": S.string], required: ["key", "message"])),
            "message": S.string,
        ], required: ["status", "referenceRows", "currentRows", "metrics", "fired"]),
        "MonitorRun": S.object([
            "id": S.string, "monitorId": S.string, "trigger": S.enumeration(MonitorRun.Trigger.allCases.map(\.rawValue)), "dueAt": S.dateTime,
            "ranAt": S.dateTime, "window": timeRange, "referenceWindow": timeRange, "check": S.ref("MonitorCheck"),
        ], required: ["id", "monitorId", "trigger", "ranAt", "check"]),
        "MonitorRunPage": S.page(of: "MonitorRun"),
        "AlertEvent": S.object(["kind": eventKind, "alert": S.ref("Alert")], required: ["kind", "alert"]),
        "MonitorRunResult": S.object(["run": S.ref("MonitorRun"), "alerts": S.array(S.ref("AlertEvent"))], required: ["run", "alerts"]),
        "DriftDetection": S.object(["subject": S.string, "results": S.array(S.ref("MonitorRunResult"))], required: ["subject", "results"]),
        "Alert": S.object([
            "id": S.string, "monitorId": S.string, "monitorName": S.string, "rule": S.string, "message": S.string,
            "state": S.enumeration(Alert.State.allCases.map(\.rawValue)), "count": S.integer, "healthyRuns": S.integer,
            "firstRunId": S.string, "lastRunId": S.string, "raisedAt": S.dateTime, "lastSeenAt": S.dateTime,
            "acknowledgedAt": S.dateTime, "resolvedAt": S.dateTime, "resolvedBy": S.enumeration(["manual", "auto"]),
        ], required: ["id", "monitorId", "monitorName", "rule", "message", "state", "count", "healthyRuns", "firstRunId", "lastRunId", "raisedAt", "lastSeenAt"]),
        "AlertPage": S.page(of: "Alert"),
        "SeriesPoint": S.object([
            "time": S.dateTime,
            "values": ["type": "object", "minProperties": 1, "maxProperties": .number(Double(SeriesPoint.maximumFields)),
                       "additionalProperties": ["anyOf": [["type": "number"], ["type": "string", "maxLength": 1000], ["type": "boolean"], ["type": "null"]]]],
        ], required: ["values"]),
        "SeriesPointBatch": S.object(["points": ["type": "array", "items": S.ref("SeriesPoint"), "minItems": 1, "maxItems": .number(Double(SeriesPoint.maximumBatch))]], required: ["points"]),
        "SeriesPointsStored": S.object(["series": S.string, "stored": S.integer], required: ["series", "stored"]),
        "WebhookInput": S.object([
            "url": ["type": "string", "format": "uri", "maxLength": 2000], "secret": ["type": "string", "minLength": 16, "maxLength": 200],
            "description": ["type": "string", "maxLength": 500], "events": S.array(eventKind),
        ], required: ["url"]),
        "Webhook": S.object([
            "id": S.string, "url": S.string, "description": S.string, "events": S.array(eventKind), "createdAt": S.dateTime,
        ], required: ["id", "url", "events", "createdAt"]),
        "WebhookCreated": S.object(["webhook": S.ref("Webhook"), "secret": S.string], required: ["webhook", "secret"]),
        "WebhookList": S.object(["data": S.array(S.ref("Webhook"))], required: ["data"]),
        "WebhookDeleted": S.object(["id": S.string, "deleted": S.boolean], required: ["id", "deleted"]),
        "WebhookDelivery": S.object([
            "id": S.string, "webhookId": S.string, "event": eventKind, "alertId": S.string,
            "state": S.enumeration(WebhookDelivery.State.allCases.map(\.rawValue)), "attempts": S.integer, "nextAttemptAt": S.dateTime,
            "lastStatus": S.integer, "lastError": S.string, "createdAt": S.dateTime, "deliveredAt": S.dateTime,
        ], required: ["id", "webhookId", "event", "alertId", "state", "attempts", "createdAt"]),
        "WebhookDeliveryPage": S.page(of: "WebhookDelivery"),
        "SchedulerTrigger": S.object(["monitorId": S.string], required: ["monitorId"]),
        "SchedulerStatus": S.object([
            "now": S.dateTime,
            "schedules": S.array(S.object([
                "monitorId": S.string, "name": S.string, "schedule": S.string, "timeZone": S.string, "enabled": S.boolean,
                "nextRunAt": S.dateTime, "lastRunAt": S.dateTime, "lastStatus": status,
            ], required: ["monitorId", "name", "schedule", "timeZone", "enabled"])),
        ], required: ["now", "schedules"]),
    ]
}
