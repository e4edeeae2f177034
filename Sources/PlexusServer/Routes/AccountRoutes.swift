import Hummingbird
import PlexusCore
import PlexusStore

/// `/api/v1/accounts`: create (operator keys only), read and change.
struct AccountRoutes {
    let store: SQLStore
    let body: RequestBody

    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.post("accounts") { request, context in
            let principal = try context.requirePrincipal()
            guard principal.isAdmin else { throw APIError.adminOnly }
            let input = try await body.decode(AccountInput.self, from: request)
            let account = try await store.createAccount(key: input.key, name: input.name)
            let token = APIToken.generate()
            try await store.addAPIKey(token, accountID: account.id, isAdmin: false, name: "First key", scopes: [.admin])
            return JSONResponse.make(AccountCreated(account: account, apiKey: token), status: .created)
        }
        group.get("accounts/:idOrKey") { _, context in
            let principal = try context.requirePrincipal()
            let idOrKey = try context.parameters.require("idOrKey")
            // Another account's existence is not revealed to non-admin keys.
            guard let account = try await store.account(idOrKey), principal.isAdmin || account.id == principal.accountID else {
                throw APIError.notFound("account", idOrKey)
            }
            return JSONResponse.make(account)
        }
        group.patch("accounts/:idOrKey") { request, context in
            let principal = try context.requirePrincipal()
            let idOrKey = try context.parameters.require("idOrKey")
            guard let account = try await store.account(idOrKey), principal.isAdmin || account.id == principal.accountID else {
                throw APIError.notFound("account", idOrKey)
            }
            let update = try await body.decode(AccountUpdate.self, from: request)
            guard let updated = try await store.updateAccount(account.id, update) else { throw APIError.notFound("account", idOrKey) }
            return JSONResponse.make(updated)
        }
    }
}
