import ArgumentParser
import Foundation
import PlexusClient

/// `plexus demo`: fills the account of a running server with the demo data.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load a realistic demo into the API key's account of a running server.",
        discussion: """
            Creates the call-qa scorecard, 300 call transcripts, three days of score results, a finished evaluation \
            and a day of pipeline performance records. Does nothing if the account already has the call-qa scorecard.
            """)

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try await connection.withClient { client in
            try await DemoCommand.load(with: client)
        }
    }

    /// Loads the demo and reports each step on standard output.
    static func load(with client: PlexusClient) async throws {
        let outcome = try await DemoLoader(client: client).load { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        if outcome == .alreadyLoaded {
            FileHandle.standardOutput.write(Data("The demo is already loaded (the account has the call-qa scorecard).\n".utf8))
        }
    }
}
