import Foundation
import Hummingbird
import PlexusCore
import PlexusScoring
import PlexusStore

/// `/api/v1/scorecards/{idOrKey}/scores/{scoreKey}/models`: store a trained model as the score's
/// next version, list versions (without bodies), read one.
struct ModelArtifactRoutes {
    let store: SQLStore
    let body: RequestBody

    func register(on group: RouterGroup<PlexusRequestContext>) {
        let path = "scorecards/:idOrKey/scores/:scoreKey/models"
        group.post(RouterPath(path)) { request, context in
            let principal = try context.requirePrincipal()
            let scorecardKey = try context.parameters.require("idOrKey")
            // Another account's scorecard is not found, whatever the body: existence does not leak through validation.
            guard try await store.scorecard(scorecardKey, accountID: principal.accountID) != nil else { throw APIError.notFound("scorecard", scorecardKey) }
            let input = try await body.decode(ModelArtifactInput.self, from: request)
            // A model that cannot be loaded is refused now rather than failing every later scoring run.
            do { _ = try TrainedTextModel.decode(Data(input.artifact.utf8)) } catch {
                throw APIError(status: .unprocessableContent, code: "invalid_artifact", message: "The artifact is not a usable trained model: \(error). Train it with `plexus train`.", field: "artifact")
            }
            let artifact = try await store.storeModelArtifact(
                scorecard: scorecardKey, score: try context.parameters.require("scoreKey"),
                algorithm: input.algorithm, artifact: input.artifact, metrics: input.metrics, accountID: principal.accountID)
            return JSONResponse.make(artifact, status: .created)
        }
        group.get(RouterPath(path)) { request, context in
            let principal = try context.requirePrincipal()
            let page = try await store.modelArtifacts(
                scorecard: try context.parameters.require("idOrKey"), score: try context.parameters.require("scoreKey"),
                accountID: principal.accountID, page: try QueryParameters(request: request).page())
            return JSONResponse.make(page)
        }
        group.get(RouterPath(path + "/:version")) { _, context in
            let principal = try context.requirePrincipal()
            let scoreKey = try context.parameters.require("scoreKey")
            let number = try VersionParameter.read(context)
            guard let artifact = try await store.modelArtifact(
                scorecard: try context.parameters.require("idOrKey"), score: scoreKey, version: number, accountID: principal.accountID)
            else {
                throw APIError.notFound("model version \(number.map(String.init) ?? "latest") of score", scoreKey)
            }
            return JSONResponse.make(artifact)
        }
    }
}
