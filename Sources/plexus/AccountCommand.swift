import ArgumentParser
import PlexusCore

/// `plexus account create|get|update`.
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Create and look up accounts.", subcommands: [Create.self, Get.self, Update.self])

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

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rename an account or set the request limit each of its keys gets (needs an admin-scope key).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The account's ID or key.") var idOrKey: String
        @Option(help: "A new display name.") var name: String?
        @Option(help: "Requests per second each key may make on average.") var rateLimit: Double?
        @Option(help: "Requests a key may make at once before the average applies (default: twice --rate-limit).") var burst: Int?
        @Flag(help: "Go back to the server's default limit.") var defaultRateLimit = false

        func validate() throws {
            if defaultRateLimit, rateLimit != nil || burst != nil {
                throw ValidationError("Give either --default-rate-limit or --rate-limit/--burst, not both.")
            }
            if burst != nil, rateLimit == nil { throw ValidationError("--burst needs --rate-limit.") }
            if let rateLimit, !(rateLimit > 0 && rateLimit <= 1_000_000) {
                throw ValidationError("--rate-limit must be above 0 and at most 1,000,000 requests per second; got \(rateLimit).")
            }
            if let burst, !(1...10_000_000).contains(burst) { throw ValidationError("--burst must be from 1 to 10,000,000; got \(burst).") }
            if name == nil, rateLimit == nil, !defaultRateLimit {
                throw ValidationError("Nothing to change: give --name, --rate-limit or --default-rate-limit.")
            }
        }

        func run() async throws {
            var limit: RateLimit?? = .none
            if defaultRateLimit { limit = .some(nil) }
            if let rateLimit {
                limit = .some(RateLimit(requestsPerSecond: rateLimit, burst: burst ?? max(1, Int((rateLimit * 2).rounded(.up)))))
            }
            try Output.json(try await connection.withClient { try await $0.accounts.update(id: idOrKey, name: name, rateLimit: limit) })
        }
    }
}
