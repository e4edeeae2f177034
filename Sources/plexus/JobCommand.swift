import ArgumentParser
import Foundation
import PlexusClient
import PlexusCore

/// `plexus job run|get|list`: scoring and evaluation jobs that run inside the server.
struct JobCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "job", abstract: "Run scoring and evaluation jobs inside the server, and follow them.",
        subcommands: [Run.self, Get.self, List.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue a job over the items and labels already stored, and wait for it unless --no-wait.",
            discussion: """
                A scoring job scores stored items (upload them with `plexus items import`): --items unscored (the default) \
                skips items any version already scored, all rescores every item this version has not. An evaluation job \
                evaluates on stored labels, with one live evaluation per score. The server's PLEXUS_LLM_* settings apply.
                """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "scoring or evaluation.") var kind: String
        @Option(help: "The scorecard's key.") var scorecard: String
        @Option(name: .customLong("score"), help: "Only this score (and what it depends on); repeat for several.") var scores: [String] = []
        @Option(help: "The scorecard version (default: newest).") var version: Int?
        @Option(help: "Scoring jobs: unscored or all.") var items: String?
        @Option(help: "Evaluation jobs: a random sample of this many labelled items.") var sample: Int?
        @Option(help: "Evaluation jobs: seed of the sample.") var seed: UInt64?
        @Flag(help: "Return once the job is queued.") var noWait = false

        func run() async throws {
            let selection: JobItemSelection? = switch items {
            case nil: nil
            case "unscored": .unscored
            case "all": .all
            case let other?: throw ValidationError("--items must be unscored or all; got '\(other)'.")
            }
            let input = JobInput(kind: kind, scorecard: scorecard, version: version, scores: scores.isEmpty ? nil : scores,
                                 items: selection, sample: sample, seed: seed)
            let noWait = noWait
            let (job, evaluations) = try await connection.withClient { client in
                let queued = try await client.jobs.create(input)
                print("Queued \(queued.kind.rawValue) job \(queued.id.rawValue).")
                if noWait { return (queued, [(String, Evaluation)]()) }
                let job = try await client.jobs.wait(for: queued.id) { JobLine.show($0) }
                guard !job.evaluationIds.isEmpty else { return (job, []) }
                guard let scorecard = job.parameters.scorecard else { return (job, []) }
                let scores = Dictionary(uniqueKeysWithValues: try await client.scorecards.get(key: scorecard).allScores.map { ($0.id, $0.key) })
                var evaluations: [(String, Evaluation)] = []
                for id in job.evaluationIds {
                    let evaluation = try await client.experiments.get(id: id)
                    evaluations.append((evaluation.scoreId.flatMap { scores[$0] } ?? "-", evaluation))
                }
                return (job, evaluations)
            }
            if !noWait { JobLine.finish(job, evaluations: evaluations) }
            if job.status == .failed { throw ExitCode(2) }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a job with its status and progress.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The job's ID.") var id: String

        func run() async throws {
            try Output.json(try await connection.withClient { try await $0.jobs.get(id: Identifier(id)) })
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the account's jobs, newest first.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "How many at most (1–1000).") var limit = 20

        func run() async throws {
            let page = try await connection.withClient { try await $0.jobs.list(limit: limit) }
            Output.table(["ID", "KIND", "STATUS", "RUNS ON", "SCORED", "FAILURES", "CREATED"], page.data.map { job in
                [job.id.rawValue, job.kind.rawValue, job.status.rawValue, job.parameters.summary,
                 String(job.progress.itemsScored), String(job.progress.failures), job.createdAt.formatted(.iso8601)]
            })
        }
    }
}

/// Prints a followed job's progress on standard error and its end on standard output.
enum JobLine {
    static func show(_ job: Job) {
        let progress = job.progress
        let total = progress.totalItems.map { "/\($0)" } ?? ""
        FileHandle.standardError.write(Data("\(job.status.rawValue): \(progress.itemsScored)\(total) items, \(progress.failures) failures\n".utf8))
    }

    /// Prints the job's totals and, for an evaluation job, each evaluation's metrics as `plexus evaluate` does.
    static func finish(_ job: Job, evaluations: [(score: String, evaluation: Evaluation)]) {
        let progress = job.progress
        print("Job \(job.id.rawValue) \(job.status.rawValue): \(progress.itemsScored) items scored, \(progress.itemsResumed) already scored, "
              + "\(progress.resultsStored) results stored, \(progress.failures) failures, cost $\(String(format: "%.4f", progress.cost)).")
        if let error = job.error { print("Error: \(error)") }
        guard !job.evaluationIds.isEmpty else { return }
        print("Evaluations: \(job.evaluationIds.map(\.rawValue).joined(separator: ", "))")
        let columns = ["accuracy", "precision", "recall", "specificity", "f1", "kappa", "ac1"]
        Output.table(["SCORE", "N"] + columns.map { $0.uppercased() } + ["STATUS", "EVALUATION"], evaluations.map { score, evaluation in
            let metrics = evaluation.metrics
            let values = columns.map { name in metrics?[name]?.numberValue.map { String(format: "%.3f", $0) } ?? "-" }
            let compared = metrics?["compared"]?.numberValue.map { String(Int($0)) } ?? String(evaluation.processedItems)
            return [score, compared] + values + [evaluation.status.rawValue, evaluation.id.rawValue]
        })
    }
}
