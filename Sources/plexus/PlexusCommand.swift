import ArgumentParser
import PlexusClient
import PlexusCore

/// The `plexus` command: the server, and commands over the API.
@main
struct PlexusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plexus",
        abstract: "Orchestrate, evaluate and monitor AI/ML classification.",
        discussion: """
            Start a server with `plexus serve` (SQLite in ./.plexus by default). The first start prints an admin \
            API key and saves it to ./.plexus/credentials, where every other command finds it.
            """,
        version: PlexusVersion.current,
        subcommands: [
            ServeCommand.self, DemoCommand.self, OpenAPICommand.self, BackupCommand.self, AccountCommand.self, KeyCommand.self, ScorecardCommand.self, ItemsCommand.self,
            ScoreCommand.self, TrainCommand.self, EvaluateCommand.self, CompareCommand.self, JobCommand.self, ScoreResultCommand.self, ExperimentCommand.self, DataCommand.self, MonitorCommand.self, AlertsCommand.self, ModelCommand.self, ProjectCommand.self, LogsCommand.self,
        ]
    )

    /// Runs the command, saying library errors in the command line's terms (flags, not field names).
    static func main() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: CommandFailure.inCommandLineTerms(error))
        }
    }
}

/// A command that could not do its job, with a message for the person who ran it (no usage text).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    /// `error` reworded where the library names what a command-line user sets differently.
    static func inCommandLineTerms(_ error: any Error) -> any Error {
        switch error {
        case PlexusClientError.scoreNotChosen(let scorecard, let scores):
            return CommandFailure(description: "Scorecard '\(scorecard)' has \(scores.count) scores (\(scores.joined(separator: ", "))); choose one with --score.")
        default:
            return error
        }
    }
}
