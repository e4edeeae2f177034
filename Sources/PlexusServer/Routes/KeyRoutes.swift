import Foundation
import Hummingbird
import PlexusCore
import PlexusStore

/// `/api/v1/keys`: the account's API keys (admin scope), and `/api/v1/auth/token`, which turns
/// the calling key into a short-lived token.
struct KeyRoutes {
    let store: SQLStore
    let body: RequestBody
    let tokens: TokenSigner
    /// How long a token lasts when the request does not say.
    let tokenLifetime: Duration

    /// What `DELETE /api/v1/keys/{id}` answers.
    struct Revoked: Encodable {
        let id: String
        let revoked: Bool
    }

    /// The list `GET /api/v1/keys` answers.
    struct KeyList: Encodable {
        let data: [APIKey]
    }

    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.get("keys") { _, context in
            JSONResponse.make(KeyList(data: try await store.apiKeys(accountID: try context.requirePrincipal().accountID)))
        }
        group.post("keys") { request, context in
            let principal = try context.requirePrincipal()
            let input = try await body.decode(APIKeyInput.self, from: request)
            let scopes = try APIScope.parse(input.scopes, field: "scopes")
            var expiresAt: Date?
            if let seconds = input.expiresInSeconds {
                guard (60...315_360_000).contains(seconds) else {
                    throw APIError.badParameter("expiresInSeconds", "expiresInSeconds must be from 60 to 315,360,000 (ten years); got \(seconds).")
                }
                expiresAt = Date().addingTimeInterval(TimeInterval(seconds))
            }
            let created = try await store.createAPIKey(accountID: principal.accountID, name: input.name, scopes: scopes, expiresAt: expiresAt)
            return JSONResponse.make(created, status: .created)
        }
        group.delete("keys/:id") { _, context in
            let id = try context.parameters.require("id")
            guard try await store.revokeAPIKey(id: id, accountID: try context.requirePrincipal().accountID) else { throw APIError.notFound("key", id) }
            return JSONResponse.make(Revoked(id: id, revoked: true))
        }
        group.post("keys/:id/rotate") { request, context in
            let id = try context.parameters.require("id")
            let input = try await body.decode(KeyRotationInput.self, from: request, orIfEmpty: KeyRotationInput())
            let rotated = try await store.rotateAPIKey(
                id: id, accountID: try context.requirePrincipal().accountID, gracePeriodSeconds: input.gracePeriodSeconds ?? 86_400)
            guard let rotated else { throw APIError.notFound("key", id) }
            return JSONResponse.make(rotated, status: .created)
        }
        group.post("auth/token") { request, context in
            let principal = try context.requirePrincipal()
            if let bearer = AuthMiddleware.bearer(in: request), TokenSigner.looksLikeToken(bearer) {
                throw APIError(
                    status: .forbidden, code: "token_not_exchangeable",
                    message: "Tokens are made from API keys, not from other tokens; send the API key as the bearer credential.")
            }
            let input = try await body.decode(TokenRequest.self, from: request, orIfEmpty: TokenRequest())
            var scopes = principal.scopes
            if let asked = input.scopes {
                scopes = try APIScope.parse(asked, field: "scopes")
                if let extra = scopes.first(where: { !principal.scopes.grants($0) }) {
                    throw APIError(
                        status: .forbidden, code: "insufficient_scope", message: "This key does not have the '\(extra.rawValue)' scope, so its tokens cannot either.",
                        field: "scopes")
                }
            }
            let lifetime = input.expiresInSeconds ?? Int(tokenLifetime.components.seconds)
            guard TokenSigner.lifetimes.contains(lifetime) else {
                throw APIError.badParameter(
                    "expiresInSeconds", "expiresInSeconds must be from \(TokenSigner.lifetimes.lowerBound) to \(TokenSigner.lifetimes.upperBound); got \(lifetime).")
            }
            let token = try await tokens.sign(for: principal, scopes: scopes, lifetime: lifetime)
            return JSONResponse.make(IssuedToken(accessToken: token, expiresIn: lifetime, scope: scopes.ordered.map(\.rawValue).joined(separator: " ")))
        }
    }
}
