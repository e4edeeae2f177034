import Foundation
import Hummingbird
import PlexusCore
import PlexusModels
import PlexusMonitoring
import PlexusStore

/// `/api/v1/monitors` (create, list, read, replace, delete, run, runs), the seed's model-centred
/// aliases under `/api/v1/monitoring/…/{model_id}`, series points, and the scheduler's status
/// and trigger.
struct MonitorRoutes {
    let store: SQLStore
    let body: RequestBody
    let execution: MonitorExecution

    /// What `DELETE /api/v1/monitors/{id}` answers.
    struct Deleted: Encodable {
        let id: String
        let deleted: Bool
    }

    /// The body of `POST /api/v1/monitoring/series/{name}/points`.
    struct PointBatch: Decodable {
        let points: [SeriesPoint]
    }

    /// What posting points answers.
    struct PointsStored: Encodable {
        let series: String
        let stored: Int
    }

    /// The body of `POST /api/v1/scheduler/trigger`.
    struct TriggerInput: Decodable {
        let monitorId: String
    }

    /// What `POST /api/v1/monitoring/drift/detect/{model_id}` answers: one result per monitor.
    struct DetectResult: Encodable {
        let subject: String
        let results: [MonitorExecution.Result]
    }

    /// One scheduled monitor in `GET /api/v1/scheduler/status`.
    struct ScheduleStatus: Encodable {
        let monitorId: String
        let name: String
        let schedule: String
        let timeZone: String
        let enabled: Bool
        let nextRunAt: Date?
        let lastRunAt: Date?
        let lastStatus: MonitorCheck.Status?
    }

    /// `GET /api/v1/scheduler/status`.
    struct SchedulerStatus: Encodable {
        let now: Date
        let schedules: [ScheduleStatus]
    }

    func register(on group: RouterGroup<PlexusRequestContext>) {
        group.post("monitors") { request, context in
            let definition = try await body.decode(MonitorDefinition.self, from: request)
            return JSONResponse.make(try await create(definition, accountID: try context.requirePrincipal().accountID), status: .created)
        }
        group.get("monitors") { request, context in
            let query = QueryParameters(request: request)
            let page = try await store.monitors(accountID: try context.requirePrincipal().accountID, subject: query.string("subject"), page: try query.page())
            return JSONResponse.make(page)
        }
        group.get("monitors/:id") { _, context in
            JSONResponse.make(try await monitor(context))
        }
        group.put("monitors/:id") { request, context in
            // The monitor is looked up before the body is read, so another account's key learns nothing from a 400.
            let existing = try await monitor(context)
            let definition = try await body.decode(MonitorDefinition.self, from: request)
            return JSONResponse.make(try await replace(existing, with: definition, accountID: try context.requirePrincipal().accountID))
        }
        group.delete("monitors/:id") { _, context in
            let id = try context.parameters.require("id")
            guard try await store.deleteMonitor(id, accountID: try context.requirePrincipal().accountID) else { throw APIError.notFound("monitor", id) }
            return JSONResponse.make(Deleted(id: id, deleted: true))
        }
        group.post("monitors/:id/run") { _, context in
            let monitor = try await monitor(context)
            return JSONResponse.make(try await execution.run(monitor, accountID: try context.requirePrincipal().accountID, trigger: .manual), status: .created)
        }
        group.get("monitors/:id/runs") { request, context in
            let id = try context.parameters.require("id")
            let page = try QueryParameters(request: request).page()
            guard let runs = try await store.monitorRuns(id, accountID: try context.requirePrincipal().accountID, page: page) else {
                throw APIError.notFound("monitor", id)
            }
            return JSONResponse.make(runs)
        }
        group.post("monitoring/series/:name/points") { request, context in
            let name = try context.parameters.require("name")
            guard SeriesPoint.isValidName(name) else {
                throw APIError.badParameter("name", "A series name is 1–100 characters of letters, digits, '.', '_' and '-'; got '\(name)'.")
            }
            let batch = try await body.decode(PointBatch.self, from: request)
            guard (1 ... SeriesPoint.maximumBatch).contains(batch.points.count) else {
                throw APIError.badParameter("points", "Send 1–\(SeriesPoint.maximumBatch) points per request; got \(batch.points.count).")
            }
            let now = Date()
            for (index, point) in batch.points.enumerated() { try point.validate(field: "points[\(index)]", now: now) }
            let stored = try await store.addSeriesPoints(batch.points, series: name, accountID: try context.requirePrincipal().accountID)
            return JSONResponse.make(PointsStored(series: name, stored: stored), status: .created)
        }
        group.post("monitoring/configure/:model_id") { request, context in
            let subject = try context.parameters.require("model_id")
            var definition = try await body.decode(MonitorDefinition.self, from: request)
            if let given = definition.subject, given != subject {
                throw APIError.badParameter("subject", "subject is taken from the path ('\(subject)'); leave it out of the body or give the same value.")
            }
            definition.subject = subject
            let accountID = try context.requirePrincipal().accountID
            let existing = try await store.monitors(accountID: accountID, subject: subject, page: PageRequest(limit: 1)).data.first
            guard let existing else { return JSONResponse.make(try await create(definition, accountID: accountID), status: .created) }
            return JSONResponse.make(try await replace(existing, with: definition, accountID: accountID))
        }
        group.post("monitoring/drift/detect/:model_id") { _, context in
            let subject = try context.parameters.require("model_id")
            let accountID = try context.requirePrincipal().accountID
            let monitors = try await watching(subject, accountID: accountID)
            var results: [MonitorExecution.Result] = []
            for monitor in monitors { results.append(try await execution.run(monitor, accountID: accountID, trigger: .manual)) }
            return JSONResponse.make(DetectResult(subject: subject, results: results), status: .created)
        }
        group.get("monitoring/alerts/:model_id") { request, context in
            let subject = try context.parameters.require("model_id")
            let accountID = try context.requirePrincipal().accountID
            let query = QueryParameters(request: request)
            let monitors = try await watching(subject, accountID: accountID)
            var alerts: [Alert] = []
            for monitor in monitors {
                alerts += try await store.alerts(accountID: accountID, state: try AlertRoutes.state(query), monitorID: monitor.id.rawValue,
                                                 page: PageRequest(limit: PageRequest.maximumLimit)).data
            }
            return JSONResponse.make(Page(data: alerts.sorted { $0.raisedAt > $1.raisedAt }, nextCursor: nil))
        }
        group.get("scheduler/status") { _, context in
            let accountID = try context.requirePrincipal().accountID
            var schedules: [ScheduleStatus] = []
            var cursor: String?
            repeat {
                let page = try await store.monitors(accountID: accountID, page: PageRequest(limit: PageRequest.maximumLimit, cursor: cursor))
                for monitor in page.data {
                    guard let schedule = monitor.definition.schedule else { continue }
                    schedules.append(ScheduleStatus(
                        monitorId: monitor.id.rawValue, name: monitor.definition.name, schedule: schedule,
                        timeZone: monitor.definition.timeZone ?? "UTC", enabled: monitor.definition.enabled, nextRunAt: monitor.nextRunAt,
                        lastRunAt: monitor.lastRunAt, lastStatus: monitor.status))
                }
                cursor = page.nextCursor
            } while cursor != nil
            return JSONResponse.make(SchedulerStatus(now: execution.now(), schedules: schedules))
        }
        group.post("scheduler/trigger") { request, context in
            let input = try await body.decode(TriggerInput.self, from: request)
            let accountID = try context.requirePrincipal().accountID
            guard let monitor = try await store.monitor(input.monitorId, accountID: accountID) else {
                throw APIError(status: .unprocessableContent, code: "not_found", message: "No monitor with id '\(input.monitorId)' exists in this account.", field: "monitorId")
            }
            return JSONResponse.make(try await execution.run(monitor, accountID: accountID, trigger: .manual), status: .created)
        }
    }

    private func monitor(_ context: PlexusRequestContext) async throws -> Monitor {
        let id = try context.parameters.require("id")
        guard let monitor = try await store.monitor(id, accountID: try context.requirePrincipal().accountID) else { throw APIError.notFound("monitor", id) }
        return monitor
    }

    /// The monitors watching `subject`; 404 when there are none.
    private func watching(_ subject: String, accountID: Identifier<Account>) async throws -> [Monitor] {
        let monitors = try await store.monitors(accountID: accountID, subject: subject, page: PageRequest(limit: PageRequest.maximumLimit)).data
        guard !monitors.isEmpty else {
            throw APIError(status: .notFound, code: "not_found",
                           message: "No monitor watches '\(subject)'; configure one with POST /api/v1/monitoring/configure/\(subject).", field: "model_id")
        }
        return monitors
    }

    private func replace(_ existing: Monitor, with definition: MonitorDefinition, accountID: Identifier<Account>) async throws -> Monitor {
        let next = try await checked(definition, accountID: accountID)
        guard let updated = try await store.updateMonitor(existing.id.rawValue, accountID: accountID, definition: definition, nextRunAt: next) else {
            throw APIError.notFound("monitor", existing.id.rawValue)
        }
        return updated
    }

    private func create(_ definition: MonitorDefinition, accountID: Identifier<Account>) async throws -> Monitor {
        try await store.createMonitor(definition, accountID: accountID, nextRunAt: try await checked(definition, accountID: accountID))
    }

    /// Checks `definition` and the datasets it names; returns when its schedule first fires.
    private func checked(_ definition: MonitorDefinition, accountID: Identifier<Account>) async throws -> Date? {
        try definition.validate(registry: execution.runner.registry)
        try await checkReferences(definition, accountID: accountID)
        return try MonitorExecution.nextRun(of: definition, after: execution.now())
    }

    /// Refuses a definition naming datasets or a model the account does not have, or columns
    /// the datasets lack.
    private func checkReferences(_ definition: MonitorDefinition, accountID: Identifier<Account>) async throws {
        if definition.source.kind == ExplanationMonitorSource.kind, case let .string(model)? = definition.source.settings["model"],
           try await store.registeredModel(model, accountID: accountID) == nil {
            throw DomainError.notFound(resource: "model", id: model, field: "source.model")
        }
        var named: [(field: String, id: String)] = []
        if case let .dataset(id) = definition.reference { named.append(("reference.dataset", id)) }
        if definition.source.kind == DatasetMonitorSource.kind, case let .string(id)? = definition.source.settings["dataset"] {
            named.append(("source.dataset", id))
        }
        for (field, id) in named {
            guard let dataset = try await store.dataset(idOrName: id, accountID: accountID) else {
                throw DomainError.notFound(resource: "dataset", id: id, field: field)
            }
            let names = Set(dataset.columns.map(\.name))
            if definition.source.kind == DatasetMonitorSource.kind, let columns = definition.columns,
               let missing = columns.firstIndex(where: { !names.contains($0) }) {
                throw DomainError.invalid(field: "columns[\(missing)]", message: "Dataset '\(dataset.name)' has no column '\(columns[missing])'; its columns are \(dataset.columns.map(\.name).joined(separator: ", ")).")
            }
        }
    }
}
