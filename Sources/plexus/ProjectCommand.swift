import ArgumentParser
import Foundation
import PlexusAgents
import PlexusClient
import PlexusCore

/// `plexus project create|list|get|update`.
struct ProjectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project", abstract: "Create, list, show and change agent projects (one AI agent each).",
        discussion: """
            A project holds one agent's production LLM logs (import them with `plexus logs import`). Its settings \
            start from the server's defaults (CONFIDENCE_THRESHOLD 0.7, JUDGE_DISAGREEMENT_THRESHOLD 0.3, \
            DEFAULT_REPLAY_SAMPLE_SIZE 100, EVALUATION_SCHEDULE_CRON '0 2 * * 0'). With --privacy hashed only salted \
            hashes of prompts and answers are stored; --redact takes e-mail addresses, card and phone numbers out first.
            """,
        subcommands: [Create.self, List.self, Get.self, Update.self])

    /// The flags create and update share, as the API's body.
    struct Fields: ParsableArguments {
        @Option(help: "What the agent does.") var description: String?
        @Option(help: "The model the agent uses now.") var incumbent: String?
        @Option(help: "A model it could use instead (repeat).") var candidate: [String] = []
        @Option(help: "full (text stored) or hashed (only salted hashes of text).") var privacy: String?
        @Option(help: "Take contact details out of text before storing it: true or false.") var redact: Bool?
        @Option(help: "Recommend a model only at this confidence or more (0–1).") var confidenceThreshold: Double?
        @Option(help: "Judges disagree past this (0–1).") var judgeDisagreementThreshold: Double?
        @Option(help: "Logs replayed per evaluation.") var replaySampleSize: Int?
        @Option(help: "When evaluations run (cron, UTC).") var evaluationSchedule: String?

        func validate() throws {
            if let privacy, PrivacyMode(rawValue: privacy) == nil { throw ValidationError("--privacy is full or hashed; got \(privacy).") }
        }

        /// The fields given, as JSON members.
        var members: [String: JSONValue] {
            var body: [String: JSONValue] = [:]
            if let description { body["description"] = .string(description) }
            if let incumbent { body["incumbentModel"] = .string(incumbent) }
            if !candidate.isEmpty { body["candidateModels"] = .array(candidate.map(JSONValue.string)) }
            if let privacy { body["privacyMode"] = .string(privacy) }
            if let redact { body["redactsContacts"] = .bool(redact) }
            var settings: [String: JSONValue] = [:]
            if let confidenceThreshold { settings["confidenceThreshold"] = .number(confidenceThreshold) }
            if let judgeDisagreementThreshold { settings["judgeDisagreementThreshold"] = .number(judgeDisagreementThreshold) }
            if let replaySampleSize { settings["defaultReplaySampleSize"] = .number(Double(replaySampleSize)) }
            if let evaluationSchedule { settings["evaluationScheduleCron"] = .string(evaluationSchedule) }
            if !settings.isEmpty { body["settings"] = .object(settings) }
            return body
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a project and print it.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The project's key (letters, digits, - and _).") var key: String
        @Option(help: "The project's name (default: the key).") var name: String?
        @OptionGroup var fields: Fields

        func run() async throws {
            var body = fields.members
            body["key"] = .string(key)
            body["name"] = .string(name ?? key)
            let request = JSONValue.object(body)
            try Output.json(try await connection.withClient { try await $0.projects.create(request, as: Project.self) })
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the account's projects, newest first.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "How many to show, 1–1000.") var limit = 100

        func run() async throws {
            let page = try await connection.withClient { try await $0.projects.list(of: Project.self, limit: limit) }
            Output.table(["KEY", "NAME", "INCUMBENT", "CANDIDATES", "PRIVACY", "CREATED"], page.data.map {
                [$0.key, $0.name, $0.incumbentModel ?? "–", $0.candidateModels.joined(separator: ","), $0.privacyMode.rawValue, PlexusJSON.formatDate($0.createdAt)]
            })
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a project by ID or key.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The project's ID or key.") var project: String

        func run() async throws {
            let project = project
            try Output.json(try await connection.withClient { try await $0.projects.get(project, as: Project.self) })
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a project's fields (settings merge one by one) and print it.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The project's ID or key.") var project: String
        @Option(help: "A new name.") var name: String?
        @OptionGroup var fields: Fields

        func run() async throws {
            var body = fields.members
            if let name { body["name"] = .string(name) }
            guard !body.isEmpty else { throw ValidationError("Say what to change: --name, --incumbent, --candidate, --privacy, … (see --help).") }
            let (project, request) = (project, JSONValue.object(body))
            try Output.json(try await connection.withClient { try await $0.projects.update(project, with: request, as: Project.self) })
        }
    }
}

/// `plexus logs import|list`.
struct LogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs", abstract: "Import an agent's production LLM logs into its project, list them, and add them up.",
        subcommands: [Import.self, List.self, Stats.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stream a JSON Lines file of logs into a project, with a progress bar, and print what was stored.",
            discussion: """
                portkey reads a Portkey logs export (both of Portkey's spellings; cost in cents becomes dollars); \
                openai-jsonl reads one {"request": …, "response": …} pair per line. Importing the same file again stores \
                nothing new; a changed record with a known ID becomes its next version. Unreadable lines are counted and \
                listed with their line number; the rest are stored.
                """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The file (.jsonl).") var file: String
        @Option(help: "The project's ID or key.") var project: String
        @Option(help: "portkey or openai-jsonl.") var format = "portkey"
        @Flag(help: "Print the report as JSON.") var json = false

        func validate() throws {
            guard FileManager.default.isReadableFile(atPath: file) else { throw ValidationError("Cannot read \(file); give the path of a JSON Lines file.") }
            guard LogFormatRegistry.standard.format(named: format) != nil else {
                throw ValidationError("--format is one of \(LogFormatRegistry.standard.names.joined(separator: ", ")); got \(format).")
            }
        }

        func run() async throws {
            let bar = UploadProgressBar()
            let (file, project, format) = (file, project, format)
            let report = try await connection.withClient { client in
                try await client.projects.importLogs(
                    file: URL(fileURLWithPath: file), project: project, format: format, as: LogImportReport.self, progress: { bar.show(sent: $0, total: $1) })
            }
            bar.finish()
            if json { return try Output.json(report) }
            print("Read \(report.lines) lines: \(report.new) new, \(report.duplicate) already stored, \(report.newVersion) new versions, \(report.rejected) rejected.")
            for rejection in report.rejections.prefix(10) { print("  line \(rejection.line): \(rejection.field) \(rejection.message)") }
            if report.rejected > 10 { print("  … and \(report.rejected - 10) more (--json lists the first 100)") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a project's logs, newest call first.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The project's ID or key.") var project: String
        @Option(help: "How many to show, 1–1000.") var limit = 20

        func run() async throws {
            let (project, limit) = (project, limit)
            let page = try await connection.withClient { try await $0.projects.logs(project, of: StoredLogEntry.self, limit: limit) }
            Output.table(["TIME", "MODEL", "STATUS", "TOKENS", "COST $", "REFUSAL", "ID"], page.data.map { log in
                let entry = log.entry
                let tokens = "\(entry.usage.inputTokens.map(String.init) ?? "–")/\(entry.usage.outputTokens.map(String.init) ?? "–")"
                return [PlexusJSON.formatDate(entry.timestamp), entry.respondedModel ?? entry.requestedModel ?? "–", entry.statusCode.map(String.init) ?? "–",
                        tokens, entry.costUSD.map { "\($0)" } ?? "–", entry.refusal.kind.rawValue, entry.externalId ?? log.id]
            })
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add up a project's logs: per model calls, error and refusal rates, latency percentiles, tokens and cost.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The project's ID or key.") var project: String
        @Flag(help: "Print the figures as JSON.") var json = false

        func run() async throws {
            let project = project
            let stats = try await connection.withClient { try await $0.projects.logStats(project, as: LogStats.self) }
            if json { return try Output.json(stats) }
            let range = [stats.firstCall, stats.lastCall].compactMap { $0 }.map(PlexusJSON.formatDate).joined(separator: " to ")
            print("\(stats.logs) logs (\(stats.replayable) replayable)\(range.isEmpty ? "" : ", \(range)"), cost $\(stats.costUSD).")
            let refusals = stats.refusalsByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            if !refusals.isEmpty { print("Refusals: \(refusals) (phrase list \(stats.phraseListVersion)).") }
            let latency = { (value: Double?) in value.map { String(format: "%.0f", $0) } ?? "–" }
            Output.table(["MODEL", "CALLS", "ERRORS", "REFUSALS", "P50 MS", "P95 MS", "P99 MS", "TOKENS IN", "TOKENS OUT", "COST $"], stats.models.map {
                [$0.model, String($0.calls), String(format: "%.1f%%", $0.errorRate * 100), String(format: "%.1f%%", $0.refusalRate * 100),
                 latency($0.latencyP50), latency($0.latencyP95), latency($0.latencyP99), String($0.inputTokens), String($0.outputTokens), "\($0.costUSD)"]
            })
        }
    }
}
