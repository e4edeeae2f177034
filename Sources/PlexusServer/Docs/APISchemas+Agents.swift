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
        "ProjectUpdate": S.object([
            "name": ["type": "string", "minLength": 1, "maxLength": 200], "description": ["type": "string", "maxLength": 10_000],
            "incumbentModel": modelName, "candidateModels": S.array(modelName),
            "privacyMode": S.enumeration(PrivacyMode.allCases.map(\.rawValue)), "redactsContacts": S.boolean, "settings": S.ref("ProjectSettingsInput"),
        ]),
    ]
}
