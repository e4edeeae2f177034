/// The body of `POST /api/v1/keys`.
public struct APIKeyInput: Sendable, Codable, Hashable {
    /// What the key is for.
    public var name: String
    /// What it may do: `admin`, `read`, `write`, `ingest`.
    public var scopes: [String]
    /// Seconds until the key stops working; `nil` for never.
    public var expiresInSeconds: Int?

    /// Creates a request.
    public init(name: String, scopes: [String], expiresInSeconds: Int? = nil) {
        self.name = name
        self.scopes = scopes
        self.expiresInSeconds = expiresInSeconds
    }
}

/// The body of `POST /api/v1/keys/{id}/rotate`.
public struct KeyRotationInput: Sendable, Codable, Hashable {
    /// How long the old key keeps working, in seconds (default 86,400: a day; 0 ends it now).
    public var gracePeriodSeconds: Int?

    /// Creates a request.
    public init(gracePeriodSeconds: Int? = nil) {
        self.gracePeriodSeconds = gracePeriodSeconds
    }
}

/// The body of `POST /api/v1/auth/token`: optionally fewer scopes than the key has.
public struct TokenRequest: Sendable, Codable, Hashable {
    /// The scopes the token should carry, a subset of the key's; all of the key's when `nil`.
    public var scopes: [String]?
    /// Lifetime in seconds, 60 to 86,400 (default 900: 15 minutes).
    public var expiresInSeconds: Int?

    /// Creates a request.
    public init(scopes: [String]? = nil, expiresInSeconds: Int? = nil) {
        self.scopes = scopes
        self.expiresInSeconds = expiresInSeconds
    }
}

/// The reply to `POST /api/v1/auth/token`, shaped as an OAuth 2 token response.
public struct IssuedToken: Sendable, Codable, Hashable {
    /// The signed JWT, sent as `Authorization: Bearer …` or as `?token=` on the WebSocket.
    public var accessToken: String
    /// Always `Bearer`.
    public var tokenType: String
    /// Seconds until it expires.
    public var expiresIn: Int
    /// The scopes it carries, space-separated.
    public var scope: String

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token", tokenType = "token_type", expiresIn = "expires_in", scope
    }

    /// Creates a reply.
    public init(accessToken: String, expiresIn: Int, scope: String) {
        self.accessToken = accessToken
        self.tokenType = "Bearer"
        self.expiresIn = expiresIn
        self.scope = scope
    }
}

/// The body of `PATCH /api/v1/accounts/{idOrKey}`.
public struct AccountUpdate: Sendable, Codable, Hashable {
    /// A new display name.
    public var name: String?
    /// The account's request limit per key; `null` goes back to the server's default.
    public var rateLimit: RateLimit?
    /// Whether `rateLimit` was given at all (as `null` or a value).
    public var setsRateLimit: Bool

    enum CodingKeys: String, CodingKey { case name, rateLimit }

    /// Creates an update.
    public init(name: String? = nil, rateLimit: RateLimit?? = .none) {
        self.name = name
        self.rateLimit = rateLimit ?? nil
        self.setsRateLimit = rateLimit != nil
    }

    /// Decodes an update; `"rateLimit": null` and an absent `rateLimit` differ.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        setsRateLimit = container.contains(.rateLimit)
        rateLimit = try container.decodeIfPresent(RateLimit.self, forKey: .rateLimit)
    }

    /// Encodes the fields that are set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(name, forKey: .name)
        if setsRateLimit { try container.encode(rateLimit, forKey: .rateLimit) }
    }
}
