import ArgumentParser

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
        subcommands: [
            ServeCommand.self, DemoCommand.self, OpenAPICommand.self, AccountCommand.self, ScorecardCommand.self, ItemsCommand.self,
            ScoreCommand.self, TrainCommand.self, EvaluateCommand.self, CompareCommand.self, JobCommand.self, ScoreResultCommand.self, ExperimentCommand.self,
        ]
    )
}
