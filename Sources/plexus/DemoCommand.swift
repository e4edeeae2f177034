import ArgumentParser
import Foundation
import PlexusClient

/// `plexus demo`: fills the account of a running server with the demo data.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load a realistic demo into the API key's account of a running server.",
        discussion: """
            Pushes the example scorecards (examples/call-qa and examples/support-chat, as README's walkthrough uses them) \
            with their labelled calls and chats, records three days of simulated production results, evaluates the \
            greeting and recording_disclosure scores against the labels, and records a day of pipeline performance. \
            Does nothing if the account already has the call-qa scorecard.
            """)

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "The examples folder of the Plexus repository.") var examples = DemoCommand.defaultExamples

    func run() async throws {
        let examples = try DemoExamples.load(from: examples)
        try await connection.withClient { client in
            try await DemoCommand.load(examples, with: client)
        }
    }

    /// `./examples`, where it is when the command runs from the repository's root.
    static let defaultExamples = "examples"

    /// Loads the demo and reports each step on standard output.
    static func load(_ examples: DemoExamples, with client: PlexusClient) async throws {
        let outcome = try await DemoLoader(client: client, examples: examples).load { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        if outcome == .alreadyLoaded {
            FileHandle.standardOutput.write(Data("The demo is already loaded (the account has the call-qa scorecard).\n".utf8))
        }
    }
}
