import Hummingbird
import PlexusCore
import PlexusStore

/// `/api/v1/scorecards/versions` and `/api/v1/scorecards/{idOrKey}/versions`: push a YAML source
/// (checked by the validator before anything is stored), list versions, read one verbatim.
struct ScorecardVersionRoutes {
    let store: SQLStore
    let body: RequestBody
    let validator: ScorecardSourceValidator

    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.post("scorecards/versions") { request, context in
            let principal = try context.requirePrincipal()
            let input = try await body.decode(ScorecardSourceInput.self, from: request)
            let draft: ScorecardDraft
            do {
                draft = try validator.read(input.source)
            } catch let rejected as ScorecardSourceRejected {
                return JSONResponse.make(rejected.body, status: .unprocessableContent)
            }
            let version = try await store.pushScorecardVersion(source: input.source, draft: draft, accountID: principal.accountID)
            return JSONResponse.make(version, status: .created)
        }
        group.get("scorecards/:idOrKey/versions") { request, context in
            let principal = try context.requirePrincipal()
            let idOrKey = try context.parameters.require("idOrKey")
            let page = try QueryParameters(request: request).page()
            return JSONResponse.make(try await store.scorecardVersions(idOrKey, accountID: principal.accountID, page: page))
        }
        group.get("scorecards/:idOrKey/versions/:version") { _, context in
            let principal = try context.requirePrincipal()
            let idOrKey = try context.parameters.require("idOrKey")
            let number = try VersionParameter.read(context)
            guard let version = try await store.scorecardVersion(idOrKey, version: number, accountID: principal.accountID) else {
                throw APIError.notFound("version \(number.map(String.init) ?? "latest") of scorecard", idOrKey)
            }
            return JSONResponse.make(version)
        }
    }
}
