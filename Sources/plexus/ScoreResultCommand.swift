import ArgumentParser
import Foundation
import PlexusClient
import PlexusCore

/// `plexus score-result create|update`, with the flags of the original Plexus CLI.
struct ScoreResultCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score-result", abstract: "Record and change score results.", subcommands: [Create.self, Update.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record one score result and print it.",
            discussion: "Example: plexus score-result create --value Yes --item-id call-123 --scorecard-id call-qa --confidence 0.87 --metadata '{\"source\":\"test\"}'")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The class the classifier chose.") var value: String
        @Option(help: "The item's Plexus ID, or your own ID for it (an unknown one creates the item).") var itemId: String
        @Option(help: "The scorecard's ID or key.") var scorecardId: String
        @Option(help: "The score's ID or key (default: the scorecard's first score).") var score: String?
        @Option(help: "The account's ID or key; checked against the API key's account.") var accountId: String?
        @Option(help: "The scoring job that produced the result.") var scoringJobId: String?
        @Option(help: "The evaluation the result belongs to.") var evaluationId: String?
        @Option(help: "Confidence from 0 to 1.") var confidence: Double?
        @Option(help: "Why the classifier chose the value.") var explanation: String?
        @Option(help: "Metadata as a JSON object, e.g. '{\"source\":\"test\"}'.") var metadata: String?

        func run() async throws {
            let metadata = try metadata.map { try JSONArgument.parse($0, option: "--metadata") }
            let context = ClientContext(accountKey: accountId, scorecardKey: scorecardId, scoreKey: score)
            let result = try await connection.withClient(context: context) { client in
                if accountId != nil { _ = try await client.accountID() }
                return try await client.scoreResults.create(
                    value: value, itemID: itemId, confidence: confidence, metadata: metadata, explanation: explanation,
                    evaluationID: evaluationId.map { Identifier($0) }, scoringJobID: scoringJobId,
                    itemIDKind: .plexusOrExternal, immediate: true)
            }
            try Output.json(result)
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change fields of a score result and print it.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The score result's ID.") var id: String
        @Option(help: "A new value.") var value: String?
        @Option(help: "A new confidence from 0 to 1.") var confidence: Double?
        @Option(help: "A new explanation.") var explanation: String?
        @Option(help: "New metadata as a JSON object (replaces the old).") var metadata: String?

        func run() async throws {
            let update = ScoreResultUpdate(
                value: value, confidence: confidence, explanation: explanation,
                metadata: try metadata.map { try JSONArgument.parse($0, option: "--metadata") })
            guard update != ScoreResultUpdate() else {
                throw ValidationError("Nothing to change: give --value, --confidence, --explanation or --metadata.")
            }
            try Output.json(try await connection.withClient { try await $0.scoreResults.update(id: Identifier(id), update) })
        }
    }
}

/// Parses JSON given on the command line.
enum JSONArgument {
    static func parse(_ text: String, option: String) throws -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw ValidationError("\(option) must be JSON, e.g. '{\"source\":\"test\"}'; got \(text)")
        }
    }
}
