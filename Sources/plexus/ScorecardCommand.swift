import ArgumentParser
import Foundation
import PlexusCore

/// `plexus scorecard list|get|create`.
struct ScorecardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard", abstract: "List, show and create scorecards; validate, push and pull YAML scorecards; explain a score on a text.",
        subcommands: [List.self, Get.self, Create.self, Validate.self, Push.self, Pull.self, Explain.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the account's scorecards, newest first.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "How many at most (1–1000).") var limit = 100

        func run() async throws {
            let page = try await connection.withClient { try await $0.scorecards.list(limit: limit) }
            guard !page.data.isEmpty else {
                print("No scorecards yet. Push one with `plexus scorecard push examples/call-qa/scorecard.yaml`, or load the demo with `plexus demo`.")
                return
            }
            Output.table(["KEY", "NAME", "VERSION", "SCORES", "ID"], page.data.map { card in
                [card.key, card.name, String(card.version), card.allScores.map(\.key).joined(separator: ","), card.id.rawValue]
            })
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a scorecard with its sections and scores, by key or ID.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The scorecard's key or ID.") var key: String

        func run() async throws {
            try Output.json(try await connection.withClient { try await $0.scorecards.get(key: key) })
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a scorecard from a JSON file.",
            discussion: #"The file holds {"key","name","description","sections":[{"name","scores":[{"key","name","classes","positiveClass"}]}]}; see examples/call-qa.json."#)

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Path of the JSON file.") var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure(description: "Cannot read '\(file)'; check the path.")
            }
            let draft: ScorecardDraft
            do {
                draft = try PlexusJSON.decoder().decode(ScorecardDraft.self, from: data)
            } catch let error as DecodingError {
                throw CommandFailure(description: "\(file) is not a scorecard: \(DecodingProblem(error, source: Array(data)))")
            }
            try Output.json(try await connection.withClient { try await $0.scorecards.create(draft) })
        }
    }
}
