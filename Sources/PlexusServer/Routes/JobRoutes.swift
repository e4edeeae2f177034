import Hummingbird
import PlexusCore
import PlexusStore

/// `/api/v1/jobs`: queue a scoring or evaluation job for the server's job runner, read one, list them.
struct JobRoutes {
    let store: SQLStore
    let body: RequestBody
    let planner: JobPlanner

    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.post("jobs") { request, context in
            let principal = try context.requirePrincipal()
            let input = try await body.decode(JobInput.self, from: request)
            let (kind, parameters) = try await planner.plan(input, accountID: principal.accountID)
            let job = try await store.createJob(kind: kind, parameters: parameters, accountID: principal.accountID)
            return JSONResponse.make(job, status: .accepted)
        }
        group.get("jobs") { request, context in
            let principal = try context.requirePrincipal()
            let page = try QueryParameters(request: request).page()
            return JSONResponse.make(try await store.jobs(accountID: principal.accountID, page: page))
        }
        group.get("jobs/:id") { _, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("id")
            guard let job = try await store.job(id, accountID: principal.accountID) else { throw APIError.notFound("job", id) }
            return JSONResponse.make(job)
        }
    }
}
