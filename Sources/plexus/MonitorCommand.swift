import ArgumentParser
import Foundation
import PlexusClient
import PlexusCore
import PlexusModels
import PlexusMonitoring
import PlexusScoring

/// `plexus monitor validate|create|list|get|run|runs|delete`.
struct MonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor", abstract: "Define, run and inspect drift monitors.",
        discussion: """
            A monitor compares the current window of a source (a dataset, or a series of points posted to \
            /api/v1/monitoring/series/NAME/points) with a reference (a dataset, a fixed range, or the trailing \
            window before the current one), column by column with Evidently's drift tests, and raises an alert \
            when one of its rules fires. Definitions are YAML or JSON files; see README.md, "Monitors".
            """,
        subcommands: [Validate.self, Create.self, List.self, Get.self, Run.self, Runs.self, Delete.self])

    /// Reads and checks a definition file; prints every problem as file:line:column and fails when there is one.
    static func read(_ path: String) throws -> (definition: MonitorDefinition, json: JSONValue) {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("Cannot read \(path); give the path of a monitor definition (YAML or JSON).") }
        let file = try YAMLDefinitionFile(parsing: String(decoding: data, as: UTF8.self), file: path)
        let (definition, problems) = MonitorDefinition.read(file.root, registry: .withModels)
        let diagnostics = problems.map { file.diagnostic(at: $0.field ?? "", message: $0.message) }
        for diagnostic in diagnostics.sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        guard let definition, problems.isEmpty else {
            FileHandle.standardError.write(Data("\(path) has \(problems.count) problem\(problems.count == 1 ? "" : "s").\n".utf8))
            throw ExitCode.failure
        }
        return (definition, file.root)
    }

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a monitor definition file without sending it; every problem is reported as file:line:column.")

        @Argument(help: "The definition (YAML or JSON).") var file: String

        func run() async throws {
            let (definition, _) = try MonitorCommand.read(file)
            let schedule = definition.schedule.map { ", schedule '\($0)'\(definition.timeZone.map { " (\($0))" } ?? "")" } ?? ""
            print("\(file): monitor '\(definition.name)' is valid (source \(definition.source.kind), \(definition.effectiveRules.count) rule\(definition.effectiveRules.count == 1 ? "" : "s")\(schedule)).")
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a definition file and create the monitor it describes.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The definition (YAML or JSON).") var file: String
        @Flag(help: "Print the created monitor as JSON.") var json = false

        func run() async throws {
            let (_, body) = try MonitorCommand.read(file)
            let monitor = try await connection.withClient { try await $0.monitors.create(body, as: Monitor.self) }
            if json { return try Output.json(monitor) }
            print("Created monitor \(monitor.id) '\(monitor.definition.name)'" + (monitor.nextRunAt.map { "; next run \($0.formatted(.iso8601))" } ?? "; it runs when asked (no schedule)") + ".")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the account's monitors with their status and live alerts.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "How many to show, 1–1000.") var limit = 100

        func run() async throws {
            let page = try await connection.withClient { try await $0.monitors.list(of: Monitor.self, limit: limit) }
            Output.table(["ID", "NAME", "SOURCE", "STATUS", "ALERTS", "SCHEDULE", "LAST RUN", "NEXT RUN"], page.data.map { monitor in
                [monitor.id.rawValue, monitor.definition.name, monitor.definition.source.kind, monitor.status?.rawValue ?? "never run",
                 String(monitor.activeAlerts), monitor.definition.schedule ?? "–", monitor.lastRunAt?.formatted(.iso8601) ?? "–",
                 monitor.nextRunAt?.formatted(.iso8601) ?? "–"]
            })
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a monitor as JSON.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The monitor's ID.") var id: String

        func run() async throws {
            try Output.json(try await connection.withClient { try await $0.monitors.get(id, as: Monitor.self) })
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run a monitor now and print each column's verdict and the alerts it changed.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The monitor's ID.") var id: String
        @Flag(help: "Print the run as JSON.") var json = false

        private struct Result: Codable {
            let run: MonitorRun
            let alerts: [AlertEvent]
        }

        func run() async throws {
            let result = try await connection.withClient { try await $0.monitors.run(id, as: Result.self) }
            if json { return try Output.json(result) }
            MonitorCommand.printRun(result.run)
            for event in result.alerts { Swift.print("\(event.kind.rawValue): \(event.alert.rule): \(event.alert.message)") }
        }
    }

    struct Runs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a monitor's runs, newest first.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The monitor's ID.") var id: String
        @Option(help: "How many to show, 1–1000.") var limit = 20

        func run() async throws {
            let page = try await connection.withClient { try await $0.monitors.runs(id, of: MonitorRun.self, limit: limit) }
            Output.table(["RAN AT", "TRIGGER", "STATUS", "REFERENCE ROWS", "CURRENT ROWS", "DRIFTED", "FIRED"], page.data.map { run in
                [run.ranAt.formatted(.iso8601), run.trigger.rawValue, run.check.status.rawValue, String(run.check.referenceRows), String(run.check.currentRows),
                 run.check.drift.map { "\($0.driftedCount)/\($0.columns.count)" } ?? "–", run.check.fired.map(\.key).joined(separator: ", ")]
            })
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a monitor with its runs and alerts.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The monitor's ID.") var id: String

        func run() async throws {
            try await connection.withClient { try await $0.monitors.delete(id) }
            print("Deleted monitor \(id).")
        }
    }

    /// Prints a run's outcome and its per-column table.
    static func printRun(_ run: MonitorRun) {
        let check = run.check
        Swift.print("\(check.status.rawValue): reference \(check.referenceRows) rows, current \(check.currentRows) rows" + (check.message.map { ". \($0)" } ?? "."))
        if let drift = check.drift {
            Output.table(["COLUMN", "TEST", "SCORE", "THRESHOLD", "DRIFTED"], drift.columns.map { column in
                [column.name, column.result.method.rawValue, String(format: "%.4g", column.result.score), column.result.threshold.plainText, column.result.drifted ? "yes" : "no"]
            })
            Swift.print("\(drift.driftedCount) of \(drift.columns.count) columns drifted.")
        }
        for fired in check.fired { Swift.print("fired \(fired.key): \(fired.message)") }
    }
}

/// `plexus alerts list|ack|resolve`.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts", abstract: "List, acknowledge and resolve the alerts monitors raise.",
        subcommands: [List.self, Acknowledge.self, Resolve.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the account's alerts, newest first.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Only alerts in this state: open, acknowledged or resolved.") var state: String?
        @Option(help: "How many to show, 1–1000.") var limit = 100

        func validate() throws {
            if let state, Alert.State(rawValue: state) == nil { throw ValidationError("--state is open, acknowledged or resolved; got '\(state)'.") }
        }

        func run() async throws {
            let page = try await connection.withClient { try await $0.monitors.alerts(of: Alert.self, state: state, limit: limit) }
            Output.table(["ID", "STATE", "MONITOR", "RULE", "COUNT", "RAISED", "LAST SEEN", "MESSAGE"], page.data.map { alert in
                [alert.id.rawValue, alert.state.rawValue, alert.monitorName, alert.rule, String(alert.count), alert.raisedAt.formatted(.iso8601),
                 alert.lastSeenAt.formatted(.iso8601), alert.message]
            })
        }
    }

    struct Acknowledge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledge an open alert.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The alert's ID.") var id: String

        func run() async throws {
            let alert = try await connection.withClient { try await $0.monitors.setAlert(id, .acknowledge, as: Alert.self) }
            print("Alert \(alert.id) is \(alert.state.rawValue).")
        }
    }

    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Resolve an alert.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The alert's ID.") var id: String

        func run() async throws {
            let alert = try await connection.withClient { try await $0.monitors.setAlert(id, .resolve, as: Alert.self) }
            print("Alert \(alert.id) is \(alert.state.rawValue).")
        }
    }
}
