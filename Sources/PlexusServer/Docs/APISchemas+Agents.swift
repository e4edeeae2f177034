import PlexusAgents
import PlexusCore

/// The JSON Schemas of agent projects.
extension APISchemas {
    private typealias S = Schema

    private static let settingsInput: KeyValuePairs<String, JSONValue> = [
        "confidenceThreshold": S.unitInterval, "judgeDisagreementThreshold": S.unitInterval,
        "defaultReplaySampleSize": ["type": "integer", "minimum": 1, "maximum": 100_000],
        "evaluationScheduleCron": ["type": "string", "description": "Five cron fields (minute hour day-of-month month day-of-week) or @daily, @weekly, …"],
    ]
    private static let modelName: JSONValue = ["type": "string", "minLength": 1, "maxLength": 200]

    static let agents: [String: JSONValue] = [
        "ProjectSettings": S.object([
            "confidenceThreshold": S.unitInterval, "judgeDisagreementThreshold": S.unitInterval, "defaultReplaySampleSize": S.integer,
            "evaluationScheduleCron": S.string,
        ], required: ["confidenceThreshold", "judgeDisagreementThreshold", "defaultReplaySampleSize", "evaluationScheduleCron"]),
        "ProjectSettingsInput": S.object(settingsInput),
        "Project": S.object([
            "id": S.string, "key": S.string, "name": S.string, "description": S.string, "incumbentModel": S.string,
            "candidateModels": S.array(S.string), "privacyMode": S.enumeration(PrivacyMode.allCases.map(\.rawValue)), "redactsContacts": S.boolean,
            "settings": S.ref("ProjectSettings"), "createdAt": S.dateTime, "updatedAt": S.dateTime,
        ], required: ["id", "key", "name", "description", "candidateModels", "privacyMode", "redactsContacts", "settings", "createdAt", "updatedAt"]),
        "ProjectPage": S.page(of: "Project"),
        "ProjectInput": S.object([
            "key": ["type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"], "name": ["type": "string", "minLength": 1, "maxLength": 200],
            "description": ["type": "string", "maxLength": 10_000], "incumbentModel": modelName, "candidateModels": S.array(modelName),
            "privacyMode": S.enumeration(PrivacyMode.allCases.map(\.rawValue)), "redactsContacts": S.boolean, "settings": S.ref("ProjectSettingsInput"),
        ], required: ["key", "name"]),
        "LogLines": ["type": "string", "description": "JSON Lines: one log record per line."],
        "LogImportReport": S.object([
            "format": S.string, "lines": S.integer, "new": S.integer, "duplicate": S.integer, "newVersion": S.integer, "rejected": S.integer,
            "rejections": S.array(S.object(["line": S.integer, "field": S.string, "message": S.string], required: ["line", "field", "message"])),
        ], required: ["format", "lines", "new", "duplicate", "newVersion", "rejected", "rejections"]),
        "LogToolCall": S.object(["id": S.string, "name": S.string, "arguments": S.string], required: ["name", "arguments"]),
        "LogMessage": S.object([
            "role": S.string, "content": S.string, "toolCalls": S.array(S.ref("LogToolCall")), "toolCallId": S.string, "contentCharacters": S.integer,
        ], required: ["role", "toolCalls"]),
        "LogEntry": S.object([
            "source": S.string, "externalId": S.string, "traceId": S.string, "spanId": S.string, "parentSpanId": S.string, "timestamp": S.dateTime,
            "provider": S.string, "requestedModel": S.string, "respondedModel": S.string, "messages": S.array(S.ref("LogMessage")),
            "tools": S.array(S.anyJSON),
            "parameters": S.object(["temperature": S.number, "topP": S.number, "maxTokens": S.integer, "seed": S.integer, "responseFormat": S.anyJSON]),
            "responseText": S.string, "responseCharacters": S.integer, "responseToolCalls": S.array(S.ref("LogToolCall")), "finishReason": S.string,
            "usage": S.object(["inputTokens": S.integer, "outputTokens": S.integer, "cachedTokens": S.integer, "reasoningTokens": S.integer]),
            "costUSD": S.number, "latencyMilliseconds": S.number, "statusCode": S.integer, "success": S.boolean, "cacheStatus": S.string,
            "guardrailOutcome": S.string,
            "refusal": S.object([
                "kind": S.enumeration(Refusal.Kind.allCases.map(\.rawValue)), "layer": S.enumeration(Refusal.Layer.allCases.map(\.rawValue)), "evidence": S.string,
            ], required: ["kind"]),
            "promptSlug": S.string, "promptVersion": S.string, "metadata": ["type": "object"], "replayable": S.boolean, "original": S.anyJSON,
        ], required: ["source", "timestamp", "messages", "tools", "parameters", "responseToolCalls", "usage", "success", "refusal", "metadata", "replayable"]),
        "AgentLog": S.object([
            "id": S.string, "projectId": S.string, "version": S.integer, "contentHash": S.string, "ingestedAt": S.dateTime, "entry": S.ref("LogEntry"),
        ], required: ["id", "projectId", "version", "contentHash", "ingestedAt", "entry"]),
        "AgentLogPage": S.page(of: "AgentLog"),
        "AgentLogDetail": S.object([
            "log": S.ref("AgentLog"),
            "versions": S.array(S.object(["id": S.string, "version": S.integer, "ingestedAt": S.dateTime], required: ["id", "version", "ingestedAt"])),
        ], required: ["log", "versions"]),
        "LogStats": S.object([
            "logs": S.integer, "replayable": S.integer, "firstCall": S.dateTime, "lastCall": S.dateTime, "costUSD": S.number,
            "refusalsByKind": ["type": "object", "additionalProperties": S.integer], "refusalsByLayer": ["type": "object", "additionalProperties": S.integer],
            "phraseListVersion": S.string,
            "models": S.array(S.object([
                "model": S.string, "calls": S.integer, "errors": S.integer, "errorRate": S.unitInterval, "refusalRate": S.unitInterval,
                "latencyP50": S.number, "latencyP95": S.number, "latencyP99": S.number, "inputTokens": S.integer, "outputTokens": S.integer, "costUSD": S.number,
            ], required: ["model", "calls", "errors", "errorRate", "refusalRate", "inputTokens", "outputTokens", "costUSD"])),
        ], required: ["logs", "replayable", "costUSD", "refusalsByKind", "refusalsByLayer", "phraseListVersion", "models"]),
        "ProjectUpdate": S.object([
            "name": ["type": "string", "minLength": 1, "maxLength": 200], "description": ["type": "string", "maxLength": 10_000],
            "incumbentModel": modelName, "candidateModels": S.array(modelName),
            "privacyMode": S.enumeration(PrivacyMode.allCases.map(\.rawValue)), "redactsContacts": S.boolean, "settings": S.ref("ProjectSettingsInput"),
        ]),
    ]
}
