import Foundation
import Logging
import PlexusCore
import PlexusMonitoring
@testable import PlexusServer
import PlexusTestSupport
import Synchronization
import Testing

@Suite("Monitors, alerts and the scheduler over the API")
struct MonitorRouteTests {
    /// 200 points a day for a week before `end`'s window, then 200 in the current day, with the
    /// current latencies shifted by `shift`.
    private static func points(end: Date, shift: Double) -> [JSONValue] {
        let reference = (0 ..< 200).map { index -> JSONValue in
            ["time": .string(PlexusJSON.formatDate(end.addingTimeInterval(-86_400 * 3 - Double(index) * 60))),
             "values": ["latency": .number(Double(index % 50)), "plan": index % 4 == 0 ? "pro" : "basic"]]
        }
        let current = (0 ..< 200).map { index -> JSONValue in
            ["time": .string(PlexusJSON.formatDate(end.addingTimeInterval(-3_600 - Double(index) * 10))),
             "values": ["latency": .number(Double(index % 50) + shift), "plan": index % 4 == 0 ? "pro" : "basic"]]
        }
        return reference + current
    }

    private static let seriesMonitor: JSONValue = [
        "name": "checkout latency", "source": ["kind": "series", "series": "checkout"], "window": "1d", "reference": ["trailing": "7d"],
        "minimumSampleSize": 50, "rules": [["type": "column_drift", "column": "latency"]],
    ]

    @Test("A series monitor raises an alert when a column drifts, bumps it on repeats, and resolves it after healthy runs", arguments: TestDatabase.available)
    func seriesLifecycle(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let posted = try await server.request(.post, "/api/v1/monitoring/series/checkout/points", json: ["points": .array(Self.points(end: Date(), shift: 30))])
            #expect(posted.status == .created && posted.json["stored"] == 400, "\(posted.text)")
            let created = try await server.request(.post, "/api/v1/monitors", json: Self.seriesMonitor)
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(created.json["id"]?.stringValue)
            #expect(created.json["definition"]?["minimumSampleSize"] == 50 && created.json["definition"]?["autoResolveAfter"] == 3)

            let first = try await server.request(.post, "/api/v1/monitors/\(id)/run")
            #expect(first.status == .created, "\(first.text)")
            #expect(first.json["run"]?["check"]?["status"] == "drift" && first.json["run"]?["check"]?["currentRows"] == 200)
            #expect(first.json["run"]?["check"]?["referenceRows"] == 200)
            #expect(first.json["alerts"]?[0]?["kind"] == "alert.raised" && first.json["alerts"]?[0]?["alert"]?["rule"] == "column_drift:latency")
            let second = try await server.request(.post, "/api/v1/monitors/\(id)/run")
            #expect(second.json["alerts"]?[0]?["kind"] == "alert.updated" && second.json["alerts"]?[0]?["alert"]?["count"] == 2)

            let open = try await server.request(.get, "/api/v1/alerts?state=open")
            #expect(open.json["data"]?.arrayCount == 1)
            let alertID = try #require(open.json["data"]?[0]?["id"]?.stringValue)
            let acknowledged = try await server.request(.post, "/api/v1/alerts/\(alertID)/acknowledge")
            #expect(acknowledged.json["state"] == "acknowledged" && acknowledged.json["acknowledgedAt"] != nil)
            #expect(try await server.request(.get, "/api/v1/monitors/\(id)").json["activeAlerts"] == 1)

            // The same monitor watching a column that did not drift: each run is healthy for the old rule.
            var calmer = Self.seriesMonitor
            calmer = calmer.setting("rules", [["type": "column_drift", "column": "plan"]]).setting("autoResolveAfter", 2)
            #expect(try await server.request(.put, "/api/v1/monitors/\(id)", json: calmer).status == .ok)
            let healthy = try await server.request(.post, "/api/v1/monitors/\(id)/run")
            #expect(healthy.json["run"]?["check"]?["status"] == "ok" && healthy.json["alerts"]?.arrayCount == 0)
            let resolving = try await server.request(.post, "/api/v1/monitors/\(id)/run")
            #expect(resolving.json["alerts"]?[0]?["kind"] == "alert.resolved" && resolving.json["alerts"]?[0]?["alert"]?["resolvedBy"] == "auto")

            let runs = try await server.request(.get, "/api/v1/monitors/\(id)/runs?limit=3")
            #expect(runs.json["data"]?.arrayCount == 3 && runs.json["nextCursor"]?.stringValue != nil)
            let rest = try await server.request(.get, "/api/v1/monitors/\(id)/runs?cursor=\(runs.json["nextCursor"]!.stringValue!)")
            #expect(rest.json["data"]?.arrayCount == 1 && rest.json["data"]?[0]?["check"]?["fired"]?[0]?["key"] == "column_drift:latency")
            #expect(try await server.request(.get, "/api/v1/alerts?state=resolved").json["data"]?.arrayCount == 1)
            #expect(try await server.request(.delete, "/api/v1/monitors/\(id)").json["deleted"] == true)
            #expect(try await server.request(.get, "/api/v1/alerts").json["data"]?.arrayCount == 0)
        }
    }

    @Test("A dataset monitor compares a dataset with a reference dataset; too few rows is insufficient data, not an alert", arguments: TestDatabase.available)
    func datasetMonitor(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let reference = "amount,region\n" + (0 ..< 300).map { "\($0 % 60),\($0 % 3 == 0 ? "eu" : "us")" }.joined(separator: "\n") + "\n"
            let current = "amount,region\n" + (0 ..< 300).map { "\($0 % 60 + 25),\($0 % 3 == 0 ? "eu" : "us")" }.joined(separator: "\n") + "\n"
            let referenceID = try #require(try await server.request(.post, "/api/v1/data/upload?name=ref", raw: reference, contentType: "text/csv").json["id"]?.stringValue)
            let currentID = try #require(try await server.request(.post, "/api/v1/data/upload?name=cur", raw: current, contentType: "text/csv").json["id"]?.stringValue)
            let monitor: JSONValue = ["name": "orders", "source": ["kind": "dataset", "dataset": .string(currentID)], "reference": ["dataset": .string(referenceID)]]
            let id = try #require(try await server.request(.post, "/api/v1/monitors", json: monitor).json["id"]?.stringValue)
            let run = try await server.request(.post, "/api/v1/monitors/\(id)/run")
            let columns = try #require(run.json["run"]?["check"]?["drift"]?["columns"]?.arrayValue)
            #expect(columns.map { $0["name"] } == ["amount", "region"])
            #expect(columns[0]["result"]?["method"] == "ks" && columns[0]["result"]?["drifted"] == true)
            #expect(columns[1]["result"]?["drifted"] == false)
            // One of two columns drifted: the default rule (share ≥ 0.5) fires.
            #expect(run.json["run"]?["check"]?["status"] == "drift" && run.json["alerts"]?[0]?["alert"]?["rule"] == "drift_share")
            #expect(run.json["run"]?["window"] == nil)

            let strict = monitor.setting("minimumSampleSize", 1000)
            let strictID = try #require(try await server.request(.post, "/api/v1/monitors", json: strict).json["id"]?.stringValue)
            let thin = try await server.request(.post, "/api/v1/monitors/\(strictID)/run")
            #expect(thin.json["run"]?["check"]?["status"] == "insufficient_data" && thin.json["alerts"]?.arrayCount == 0)
            #expect(try await server.request(.get, "/api/v1/monitors/\(strictID)").json["status"] == "insufficient_data")
        }
    }

    @Test("A score monitor reads a score's results: values, skips and accuracy against labels", arguments: TestDatabase.available)
    func scoreSource(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            _ = try await server.request(.post, "/api/v1/scorecards", json: TestServer.scorecard)
            let results: [JSONValue] = (0 ..< 40).map { index in
                TestServer.result("call-\(index)", value: index % 10 == 9 ? "SKIPPED" : (index % 2 == 0 ? "Yes" : "No"))
            }
            #expect(try await server.request(.post, "/api/v1/score-results/batch", json: ["scoreResults": .array(results)]).status.code < 300)
            for index in 0 ..< 20 {
                let itemID = try #require(try await server.request(.get, "/api/v1/items?externalId=call-\(index)").json["data"]?[0]?["id"]?.stringValue)
                _ = try await server.request(.put, "/api/v1/labels", json: ["scorecardKey": "call-qa", "scoreKey": "greeting", "itemId": .string(itemID), "value": "Yes"])
            }
            let now = Date()
            let monitor: JSONValue = [
                "name": "greeting quality", "source": ["kind": "score", "scorecard": "call-qa", "score": "greeting"], "window": "1d",
                "reference": ["from": .string(PlexusJSON.formatDate(now.addingTimeInterval(-3_600))), "to": .string(PlexusJSON.formatDate(now.addingTimeInterval(3_600)))],
                "minimumSampleSize": 10,
                "rules": [
                    ["type": "metric_threshold", "column": "correct", "statistic": "share", "category": "true", "below": 0.8],
                    ["type": "metric_threshold", "column": "skipped", "statistic": "share", "category": "true", "above": 0.05],
                    ["type": "metric_threshold", "column": "confidence", "statistic": "mean", "below": 0.5],
                ],
            ]
            let created = try await server.request(.post, "/api/v1/monitors", json: monitor)
            let id = try #require(created.json["id"]?.stringValue, "\(created.text)")
            let run = try await server.request(.post, "/api/v1/monitors/\(id)/run")
            let check = try #require(run.json["run"]?["check"])
            #expect(check["currentRows"] == 40, "\(run.text)")
            let metrics = check["metrics"]?.arrayValue ?? []
            // Items 0–19 are labelled Yes: the even ones were scored Yes (10), 19 was skipped.
            #expect(metrics.first { $0["metric"] == "correct.share[true]" }?["current"] == 0.5)
            #expect(metrics.first { $0["metric"] == "skipped.share[true]" }?["current"] == 0.1)
            #expect(metrics.first { $0["metric"] == "confidence.mean" }?["current"]?.numberValue.map { abs($0 - 0.9) < 1e-12 } == true)
            #expect(check["fired"]?.arrayValue?.compactMap { $0["key"]?.stringValue } == ["metric_threshold:correct.share[true]", "metric_threshold:skipped.share[true]"])
            let missing = try await server.request(.post, "/api/v1/monitors", json: monitor.setting("source", ["kind": "score", "scorecard": "call-qa", "score": "tone"]))
            let missingID = try #require(missing.json["id"]?.stringValue)
            let failed = try await server.request(.post, "/api/v1/monitors/\(missingID)/run")
            #expect(failed.json["run"]?["check"]?["status"] == "failed" && failed.json["run"]?["check"]?["message"]?.stringValue?.contains("call-qa/tone") == true)
        }
    }

    @Test("Bad definitions and points get a 4xx naming the field, and nothing is stored", arguments: TestDatabase.available)
    func badInput(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let cases: [(JSONValue, Int, String)] = [
                (Self.seriesMonitor.setting("source", ["kind": "kafka"]), 400, "source.kind"),
                (Self.seriesMonitor.setting("window", "3 days"), 400, "window"),
                (Self.seriesMonitor.setting("schedule", "0 25 * * *"), 400, "schedule"),
                (Self.seriesMonitor.setting("timeZone", "UTC"), 400, "timeZone"),
                (Self.seriesMonitor.setting("rules", [["type": "metric_threshold", "column": "x", "statistic": "mean"]]), 400, "rules[0].above"),
                (Self.seriesMonitor.setting("reference", ["dataset": "nope"]), 422, "reference.dataset"),
                (Self.seriesMonitor.setting("name", ""), 400, "name"),
                // A misspelt field is refused, not ignored (the monitor would run without it).
                (Self.seriesMonitor.setting("windw", "1h"), 400, "windw"),
                (Self.seriesMonitor.setting("drift", ["threshold": 0.2]), 400, "drift.threshold"),
                (Self.seriesMonitor.setting("reference", ["trailing": "1d", "length": "2d"]), 400, "reference.length"),
            ]
            for (body, status, field) in cases {
                let reply = try await server.request(.post, "/api/v1/monitors", json: body)
                #expect(reply.status.code == status && reply.errorField == field, "\(field): \(reply.status) \(reply.text)")
            }
            #expect(try await server.request(.get, "/api/v1/monitors").json["data"]?.arrayCount == 0)
            let future = PlexusJSON.formatDate(Date().addingTimeInterval(86_400))
            let pointCases: [(String, JSONValue, String)] = [
                ("checkout", ["points": []], "points"),
                ("checkout", ["points": [["values": [:]]]], "points[0].values"),
                ("checkout", ["points": [["time": .string(future), "values": ["a": 1]]]], "points[0].time"),
                ("checkout", ["points": [["values": ["a": ["nested": 1]]]]], "points[0].values.a"),
                ("bad name!", ["points": [["values": ["a": 1]]]], "name"),
            ]
            for (series, body, field) in pointCases {
                let path = "/api/v1/monitoring/series/\(series.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!)/points"
                let reply = try await server.request(.post, path, json: body)
                #expect(reply.status == .badRequest && reply.errorField == field, "\(field): \(reply.text)")
            }
            let ingest = try await server.makeKey(["ingest"])
            #expect(try await server.request(.post, "/api/v1/monitoring/series/checkout/points", key: ingest, json: ["points": [["values": ["a": 1]]]]).status == .created)
            #expect(try await server.request(.post, "/api/v1/monitors", key: ingest, json: Self.seriesMonitor).status == .forbidden)
        }
    }

    @Test("The seed's model-centred routes configure, run and list the monitors of a subject", arguments: TestDatabase.available)
    func seedAliases(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            _ = try await server.request(.post, "/api/v1/monitoring/series/checkout/points", json: ["points": .array(Self.points(end: Date(), shift: 30))])
            let configured = try await server.request(.post, "/api/v1/monitoring/configure/fraud-v2", json: Self.seriesMonitor)
            #expect(configured.status == .created && configured.json["definition"]?["subject"] == "fraud-v2", "\(configured.text)")
            let again = try await server.request(.post, "/api/v1/monitoring/configure/fraud-v2", json: Self.seriesMonitor.setting("name", "renamed"))
            #expect(again.status == .ok && again.json["id"] == configured.json["id"] && again.json["definition"]?["name"] == "renamed")
            let conflicting = try await server.request(.post, "/api/v1/monitoring/configure/fraud-v2", json: Self.seriesMonitor.setting("subject", "other"))
            #expect(conflicting.status == .badRequest && conflicting.errorField == "subject")
            let detected = try await server.request(.post, "/api/v1/monitoring/drift/detect/fraud-v2")
            #expect(detected.status == .created && detected.json["results"]?.arrayCount == 1)
            let alerts = try await server.request(.get, "/api/v1/monitoring/alerts/fraud-v2")
            #expect(alerts.json["data"]?.arrayCount == 1 && alerts.json["data"]?[0]?["monitorName"] == "renamed")
            #expect(try await server.request(.post, "/api/v1/monitoring/drift/detect/unknown").status == .notFound)
            #expect(try await server.request(.get, "/api/v1/monitors?subject=fraud-v2").json["data"]?.arrayCount == 1)
        }
    }

    @Test("A closed reference range is read once and stored: points recorded into it later are not seen until the range changes", arguments: TestDatabase.available)
    func storedRangeReference(database: TestDatabase) async throws {
        try await TestServer.run(database) { server in
            let end = Date()
            _ = try await server.request(.post, "/api/v1/monitoring/series/checkout/points", json: ["points": .array(Self.points(end: end, shift: 30))])
            // The reference points lie 3 days back, within 200 minutes.
            let from = end.addingTimeInterval(-86_400 * 4), to = end.addingTimeInterval(-86_400 * 2)
            let range: JSONValue = ["from": .string(PlexusJSON.formatDate(from)), "to": .string(PlexusJSON.formatDate(to))]
            let created = try await server.request(.post, "/api/v1/monitors", json: Self.seriesMonitor.setting("reference", range))
            let id = try #require(created.json["id"]?.stringValue, "\(created.text)")
            let first = try await server.request(.post, "/api/v1/monitors/\(id)/run")
            #expect(first.json["run"]?["check"]?["referenceRows"] == 200, "\(first.text)")
            let late = (0 ..< 100).map { index -> JSONValue in
                ["time": .string(PlexusJSON.formatDate(from.addingTimeInterval(Double(index) * 60))), "values": ["latency": .number(1_000), "plan": "pro"]]
            }
            _ = try await server.request(.post, "/api/v1/monitoring/series/checkout/points", json: ["points": .array(late)])
            let second = try await server.request(.post, "/api/v1/monitors/\(id)/run")
            #expect(second.json["run"]?["check"]?["referenceRows"] == 200, "the stored reference is read, not the range: \(second.text)")
            let widened: JSONValue = ["from": .string(PlexusJSON.formatDate(from.addingTimeInterval(-1))), "to": .string(PlexusJSON.formatDate(to))]
            #expect(try await server.request(.put, "/api/v1/monitors/\(id)", json: Self.seriesMonitor.setting("reference", widened)).status == .ok)
            let third = try await server.request(.post, "/api/v1/monitors/\(id)/run")
            #expect(third.json["run"]?["check"]?["referenceRows"] == 300, "a changed range is read again: \(third.text)")
        }
    }

    @Test("The scheduler queues each due monitor once per due time as a job the runner runs, with an injected clock; after downtime it catches up once", arguments: TestDatabase.available)
    func scheduler(database: TestDatabase) async throws {
        // The server's own scheduler stays idle, so only the test's clock decides what is due.
        var configuration = ServerConfiguration()
        configuration.schedulerInterval = .seconds(86_400)
        configuration.jobPollInterval = .milliseconds(20)
        try await TestServer.run(database, configuration: configuration) { server in
            _ = try await server.request(.post, "/api/v1/monitoring/series/checkout/points", json: ["points": .array(Self.points(end: Date(), shift: 30))])
            let created = try await server.request(.post, "/api/v1/monitors", json: Self.seriesMonitor.setting("schedule", "*/5 * * * *"))
            let id = try #require(created.json["id"]?.stringValue)
            let due = try #require(created.json["nextRunAt"]?.stringValue.flatMap(PlexusJSON.parseDate))
            #expect(Calendar(identifier: .gregorian).component(.minute, from: due) % 5 == 0)

            func scheduler(at time: Date) -> SchedulerService {
                SchedulerService(store: server.store, logger: Logger(label: "test"), now: { time })
            }
            #expect(await scheduler(at: due.addingTimeInterval(-1)).tick().isEmpty)
            let queued = await scheduler(at: due).tick()
            #expect(queued.count == 1 && queued.first?.kind == .monitor && queued.first?.parameters.dueAt == due)
            #expect(queued.first?.parameters.monitorId == id)
            // A second server looking at the same moment finds nothing left to queue.
            #expect(await scheduler(at: due).tick().isEmpty)
            let job = try await JobHarness.finished(id: try #require(queued.first?.id.rawValue), on: server)
            #expect(job["status"] == "completed" && job["kind"] == "monitor", "\(job)")
            let runs = try await server.request(.get, "/api/v1/monitors/\(id)/runs")
            #expect(runs.json["data"]?.arrayCount == 1 && runs.json["data"]?[0]?["trigger"] == "schedule")
            #expect(runs.json["data"]?[0]?["dueAt"] == .string(PlexusJSON.formatDate(due)))
            let status = try await server.request(.get, "/api/v1/scheduler/status")
            #expect(status.json["schedules"]?[0]?["nextRunAt"] == .string(PlexusJSON.formatDate(due.addingTimeInterval(300))), "\(status.text)")
            #expect(status.json["schedules"]?[0]?["lastStatus"] == "drift")
            // Down for an hour: one catch-up run, then the schedule resumes from now.
            let later = due.addingTimeInterval(3_600 + 60)
            let caughtUp = await scheduler(at: later).tick()
            #expect(caughtUp.count == 1)
            #expect(await scheduler(at: later).tick().isEmpty)
            _ = try await JobHarness.finished(id: try #require(caughtUp.first?.id.rawValue), on: server)
            let resumed = try await server.request(.get, "/api/v1/monitors/\(id)")
            #expect(resumed.json["nextRunAt"] == .string(PlexusJSON.formatDate(due.addingTimeInterval(3_600 + 300))))
            let triggered = try await server.request(.post, "/api/v1/scheduler/trigger", json: ["monitorId": .string(id)])
            #expect(triggered.status == .created && triggered.json["run"]?["trigger"] == "manual")
            #expect(try await server.request(.get, "/api/v1/monitors/\(id)/runs").json["data"]?.arrayCount == 3)
            // Clients cannot queue monitor jobs themselves.
            let refused = try await server.request(.post, "/api/v1/jobs", json: ["kind": "monitor", "scorecard": "x"])
            #expect(refused.status == .badRequest && refused.errorField == "kind")
        }
    }

    @Test("A scheduled run whose runner died is run again by another runner, and recorded once", arguments: TestDatabase.available)
    func scheduledRunSurvivesItsRunner(database: TestDatabase) async throws {
        let queuedJob = Mutex<String?>(nil), monitorID = Mutex<String?>(nil)
        // Before the server starts, leave behind what a runner killed mid-job would.
        try await JobHarness.run(database, prepare: { store, accountID in
            func decode<T: Decodable>(_ type: T.Type, _ json: JSONValue) throws -> T {
                try PlexusJSON.decoder().decode(T.self, from: PlexusJSON.encoder().encode(json))
            }
            _ = try await store.addSeriesPoints(try decode([SeriesPoint].self, .array(Self.points(end: Date(), shift: 30))), series: "checkout", accountID: accountID)
            let definition = try decode(MonitorDefinition.self, Self.seriesMonitor.setting("schedule", "@hourly"))
            let due = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 3_600).rounded(.down) * 3_600)
            let monitor = try await store.createMonitor(definition, accountID: accountID, nextRunAt: due)
            let queued = try #require(await SchedulerService(store: store, logger: Logger(label: "test"), now: { due }).tick().first)
            // A runner claims the job, records the run, and dies before it can mark the job done.
            let claimed = try #require(try await store.claimNextJob())
            #expect(claimed.id == queued.id)
            _ = try await MonitorExecution(store: store).run(monitor, accountID: accountID, trigger: .schedule, dueAt: due)
            // Queueing the same due time again (a next run time moved back by hand) is refused by the job key.
            _ = try await store.updateMonitor(monitor.id.rawValue, accountID: accountID, definition: definition, nextRunAt: due)
            #expect(try await store.queueDueRun(monitorID: monitor.id, accountID: accountID, dueAt: due, nextRunAt: nil) == nil)
            queuedJob.withLock { $0 = queued.id.rawValue }
            monitorID.withLock { $0 = monitor.id.rawValue }
        }) { server in
            let job = try await JobHarness.finished(id: try #require(queuedJob.withLock { $0 }), on: server)
            #expect(job["status"] == "completed" && job["attempts"] == 2, "\(job)")
            let runs = try await server.request(.get, "/api/v1/monitors/\(try #require(monitorID.withLock { $0 }))/runs")
            #expect(runs.json["data"]?.arrayCount == 1, "the second attempt found the run recorded: \(runs.text)")
            #expect(try await server.request(.get, "/api/v1/alerts").json["data"]?[0]?["count"] == 1)
        }
    }
}
