import PlexusCore

/// Accounts: read one, or create one with an admin API key.
public struct AccountsResource: Sendable {
    let core: ClientCore

    /// The account whose ID or key is `id`. A non-admin key can read only its own account.
    public func get(id: String) async throws -> Account {
        try await core.transport.send(.get("accounts", id, subject: ("account", id)))
    }

    /// Creates an account and returns it with its first API key, which is shown only this once.
    /// Needs an admin API key.
    public func create(key: String, name: String) async throws -> AccountCreated {
        try LocalValidation.check {
            try Validate.key(key, field: "key")
            try Validate.nonBlank(name, field: "name")
        }
        return try await core.transport.send(try .post("accounts", body: AccountInput(key: key, name: name), retryable: false))
    }

    /// Renames the account, or sets the request limit its keys share (`.some(nil)` goes back to
    /// the server's default). Needs an admin-scope key of that account, or an operator key.
    public func update(id: String, name: String? = nil, rateLimit: RateLimit?? = .none) async throws -> Account {
        if let name { try LocalValidation.check { try Validate.nonBlank(name, field: "name") } }
        return try await core.transport.send(try .patch("accounts", id, body: AccountUpdate(name: name, rateLimit: rateLimit), subject: ("account", id)))
    }
}
