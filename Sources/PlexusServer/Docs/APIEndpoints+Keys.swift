/// API keys, short-lived tokens and account settings.
extension APIEndpoints {
    static let keys: [Endpoint] = [
        Endpoint(method: .get, path: "/api/v1/keys", summary: "List the account's keys that still work (never their secrets), oldest first.", tag: "Keys", scope: .admin, response: "APIKeyList"),
        Endpoint(method: .post, path: "/api/v1/keys", summary: "Make a key with a name and scopes (admin, read, write, ingest); its secret is in this answer only.", tag: "Keys", scope: .admin,
                 body: "APIKeyInput", status: 201, response: "APIKeyCreated"),
        Endpoint(method: .delete, path: "/api/v1/keys/{id}", summary: "Revoke a key at once; tokens made from it stop working too.", tag: "Keys", scope: .admin, response: "APIKeyRevoked"),
        Endpoint(method: .post, path: "/api/v1/keys/{id}/rotate", summary: "Replace a key with a new one of the same name and scopes; the old one keeps working for gracePeriodSeconds (default a day).",
                 tag: "Keys", scope: .admin, body: "KeyRotationInput", bodyOptional: true, status: 201, response: "APIKeyCreated"),
        Endpoint(method: .post, path: "/api/v1/auth/token", summary: "Exchange an API key for a signed JWT (15 minutes unless expiresInSeconds says otherwise, 60–86,400) carrying the key's scopes or fewer; send it as a bearer token, or as ?token= on the WebSocket. Needs an API key, not a token.",
                 tag: "Keys", scope: nil, body: "TokenRequest", bodyOptional: true, response: "IssuedToken"),
        Endpoint(method: .patch, path: "/api/v1/accounts/{idOrKey}", summary: "Change the account's name or the request limit of each of its keys (rateLimit: null for the server's default).",
                 tag: "Accounts", scope: .admin, body: "AccountUpdate", response: "Account"),
    ]
}
