import ArgumentParser

/// `plexus account create|get`.
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Create and look up accounts.", subcommands: [Create.self, Get.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account (needs an admin key) and print it with its first API key, shown only once.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Unique key: letters, digits, '-', '_' or '.'.") var key: String
        @Option(help: "Display name.") var name: String

        func run() async throws {
            try Output.json(try await connection.withClient { try await $0.accounts.create(key: key, name: name) })
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print an account, by ID or key.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The account's ID or key.") var idOrKey: String

        func run() async throws {
            try Output.json(try await connection.withClient { try await $0.accounts.get(id: idOrKey) })
        }
    }
}
