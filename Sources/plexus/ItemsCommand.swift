import ArgumentParser
import PlexusClient

/// `plexus items import`: upload items and their human labels.
struct ItemsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "items", abstract: "Upload items and their labels.", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upload the items of a JSONL or CSV file, with the labels it carries, for evaluation and training.",
            discussion: #"JSONL rows are {"id","text","metadata"?,"labels"?: {"<score>": "<class>"}}; CSV label columns are named label:<score>."#)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The input file (.jsonl or .csv).") var file: String
        @Option(help: "The scorecard the labels belong to.") var scorecard: String

        func run() async throws {
            let totals = try await connection.withClient { client in
                try await ItemImport(client: client, scorecardKey: scorecard).run(file: file, badRow: { problem in
                    print("skipped row \(problem)")
                })
            }
            print("Imported \(totals.items) items and \(totals.labels) labels; \(totals.badRows) bad rows skipped.")
        }
    }
}
