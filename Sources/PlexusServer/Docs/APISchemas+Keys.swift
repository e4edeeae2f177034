import PlexusCore

/// The JSON Schemas of keys, tokens and account settings.
extension APISchemas {
    private typealias S = Schema

    private static let scopes: JSONValue = ["type": "array", "items": S.enumeration(APIScope.allCases.map(\.rawValue)), "minItems": 1]

    static let keys: [String: JSONValue] = [
        "RateLimit": S.object([
            "requestsPerSecond": ["type": "number", "exclusiveMinimum": 0, "maximum": 1_000_000], "burst": ["type": "integer", "minimum": 1, "maximum": 10_000_000],
        ], required: ["requestsPerSecond", "burst"]),
        "APIKey": S.object([
            "id": S.string, "name": S.string, "prefix": S.string, "scopes": scopes, "isOperator": S.boolean,
            "createdAt": S.dateTime, "lastUsedAt": S.dateTime, "expiresAt": S.dateTime,
        ], required: ["id", "name", "prefix", "scopes", "isOperator", "createdAt"]),
        "APIKeyList": S.object(["data": S.array(S.ref("APIKey"))], required: ["data"]),
        "APIKeyInput": S.object([
            "name": ["type": "string", "minLength": 1, "maxLength": 200], "scopes": scopes,
            "expiresInSeconds": ["type": "integer", "minimum": 60, "maximum": 315_360_000],
        ], required: ["name", "scopes"]),
        "APIKeyCreated": S.object(["key": S.ref("APIKey"), "apiKey": S.string, "replaced": S.ref("APIKey")], required: ["key", "apiKey"]),
        "APIKeyRevoked": S.object(["id": S.string, "revoked": S.boolean], required: ["id", "revoked"]),
        "KeyRotationInput": S.object(["gracePeriodSeconds": ["type": "integer", "minimum": 0, "maximum": 2_592_000]]),
        "TokenRequest": S.object(["scopes": scopes, "expiresInSeconds": ["type": "integer", "minimum": 60, "maximum": 86_400]]),
        "IssuedToken": S.object([
            "access_token": S.string, "token_type": S.enumeration(["Bearer"]), "expires_in": S.integer, "scope": S.string,
        ], required: ["access_token", "token_type", "expires_in", "scope"]),
        "AccountUpdate": S.object(["name": ["type": "string", "minLength": 1], "rateLimit": S.nullable(S.ref("RateLimit"))]),
    ]
}
