import PlexusCore

/// The calling account's API keys and short-lived tokens. Managing keys needs a key with the
/// `admin` scope; any key may exchange itself for a token.
public struct KeysResource: Sendable {
    let core: ClientCore

    /// The account's keys, newest first, without their secrets.
    public func list() async throws -> [APIKey] {
        try await core.transport.send(.get("keys"), as: KeyList.self).data
    }

    /// Makes a key that may do what `scopes` allow, optionally expiring after `expiresInSeconds`.
    /// The secret in the answer is shown only this once.
    public func create(name: String, scopes: [APIScope], expiresInSeconds: Int? = nil) async throws -> APIKeyCreated {
        try LocalValidation.check {
            try Validate.nonBlank(name, field: "name")
            guard !scopes.isEmpty else { throw DomainError.invalid(field: "scopes", message: "Give at least one scope: admin, read, write or ingest.") }
        }
        let input = APIKeyInput(name: name, scopes: scopes.map(\.rawValue), expiresInSeconds: expiresInSeconds)
        return try await core.transport.send(try .post("keys", body: input, retryable: false))
    }

    /// Revokes the key `id` at once.
    public func revoke(id: String) async throws {
        _ = try await core.transport.perform(.delete("keys", id, subject: ("key", id)))
    }

    /// Replaces the key `id` by a new one with the same name and scopes; the old one keeps working
    /// for `gracePeriodSeconds` (default a day; 0 ends it now) so deployments can switch over.
    public func rotate(id: String, gracePeriodSeconds: Int? = nil) async throws -> APIKeyCreated {
        let input = KeyRotationInput(gracePeriodSeconds: gracePeriodSeconds)
        var request = try APIRequest.post("keys", id, "rotate", body: input, retryable: false)
        request.subject = ("key", id)
        return try await core.transport.send(request)
    }

    /// Exchanges the client's key for a signed token carrying `scopes` (all of the key's when
    /// `nil`) that expires after `expiresInSeconds` (the server's default, 15 minutes, when `nil`).
    public func token(scopes: [APIScope]? = nil, expiresInSeconds: Int? = nil) async throws -> IssuedToken {
        let input = TokenRequest(scopes: scopes?.map(\.rawValue), expiresInSeconds: expiresInSeconds)
        return try await core.transport.send(try .post("auth", "token", body: input, retryable: true))
    }

    private struct KeyList: Decodable {
        let data: [APIKey]
    }
}
