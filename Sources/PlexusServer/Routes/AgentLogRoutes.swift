import Foundation
import Hummingbird
import PlexusAgents
import PlexusCore
import PlexusStore

/// `/api/v1/logs/{project_id}`: a project's LLM logs: upload a JSON Lines file (streamed, in
/// batches), list the newest version of each log, add them up (`stats`; a log whose ID is
/// "stats" is read by its other ID), and read one log with its versions.
struct AgentLogRoutes {
    let store: SQLStore
    /// The largest upload accepted, in bytes.
    let limit: Int

    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.post("logs/:projectId/upload") { request, context in
            let principal = try context.requirePrincipal()
            let project = try await project(context)
            // A format given empty is refused rather than read as absent.
            let name = request.uri.queryParameters.get("format").map { String($0) } ?? "portkey"
            guard let format = LogFormatRegistry.standard.format(named: name) else {
                throw APIError.badParameter("format", "format is one of \(LogFormatRegistry.standard.names.joined(separator: ", ")); got '\(name)'.")
            }
            var upload = LogImport(format: format, project: project, store: store, accountID: principal.accountID)
            var received = 0
            for try await buffer in request.body {
                received += buffer.readableBytes
                guard received <= limit else {
                    throw APIError(status: .contentTooLarge, code: "body_too_large", message:
                        "The upload is larger than the server's limit of \(limit) bytes (PLEXUS_MAX_UPLOAD_BYTES); the lines before the limit were stored.")
                }
                try await upload.add(buffer.readableBytesView)
            }
            guard received > 0 else {
                throw APIError(status: .badRequest, code: "malformed_body", message: "The upload is empty; send JSON Lines, one log record per line.", field: "body")
            }
            return JSONResponse.make(try await upload.finish())
        }
        group.get("logs/:projectId") { request, context in
            let project = try await project(context)
            let page = try QueryParameters(request: request).page()
            return JSONResponse.make(try await store.logs(projectID: project.id, accountID: try context.requirePrincipal().accountID, page: page))
        }
        group.get("logs/:projectId/stats") { _, context in
            let project = try await project(context)
            let accountID = try context.requirePrincipal().accountID
            var stats = LogStats()
            var cursor: String?
            repeat {
                let page = try await store.logs(projectID: project.id, accountID: accountID, page: try PageRequest(limit: PageRequest.maximumLimit, cursor: cursor))
                for log in page.data { stats.add(log.entry) }
                cursor = page.nextCursor
            } while cursor != nil
            stats.finish()
            return JSONResponse.make(stats)
        }
        group.get("logs/:projectId/:id") { _, context in
            let project = try await project(context)
            let id = try context.parameters.require("id")
            let versions = try await store.logVersions(id, projectID: project.id, accountID: try context.requirePrincipal().accountID)
            guard let newest = versions.first else { throw APIError.notFound("log", id) }
            return JSONResponse.make(AgentLogDetail(log: newest, versions: versions.map { .init(id: $0.id, version: $0.version, ingestedAt: $0.ingestedAt) }))
        }
    }

    private func project(_ context: PlexusRequestContext) async throws -> Project {
        let reference = try context.parameters.require("projectId")
        guard let project = try await store.project(reference, accountID: try context.requirePrincipal().accountID) else {
            throw APIError.notFound("project", reference)
        }
        return project
    }
}

/// One log, newest version, with the list of its versions.
struct AgentLogDetail: Encodable {
    struct Version: Encodable {
        let id: String
        let version: Int
        let ingestedAt: Date
    }

    let log: StoredLogEntry
    let versions: [Version]
}
