import Hummingbird
import PlexusAgents
import PlexusCore
import PlexusStore

/// `/api/v1/projects`: agent projects (one AI agent each): create, list, read and change by ID or key.
struct ProjectRoutes {
    let store: SQLStore
    let body: RequestBody
    /// The settings a project starts with when its request leaves them out.
    let defaults: ProjectSettings

    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.post("projects") { request, context in
            let principal = try context.requirePrincipal()
            let input = try await body.decode(ProjectInput.self, from: request)
            return JSONResponse.make(try await store.createProject(input.project(defaults: defaults), accountID: principal.accountID), status: .created)
        }
        group.get("projects") { request, context in
            let principal = try context.requirePrincipal()
            return JSONResponse.make(try await store.projects(accountID: principal.accountID, page: try QueryParameters(request: request).page()))
        }
        group.get("projects/:idOrKey") { _, context in
            JSONResponse.make(try await project(context))
        }
        group.patch("projects/:idOrKey") { request, context in
            let current = try await project(context)
            let update = try await body.decode(ProjectUpdate.self, from: request)
            return JSONResponse.make(try await store.updateProject(update.applied(to: current), accountID: try context.requirePrincipal().accountID))
        }
    }

    private func project(_ context: PlexusRequestContext) async throws -> Project {
        let idOrKey = try context.parameters.require("idOrKey")
        guard let project = try await store.project(idOrKey, accountID: try context.requirePrincipal().accountID) else {
            throw APIError.notFound("project", idOrKey)
        }
        return project
    }
}
