import ArgumentParser
import Foundation
import PlexusCore

/// `plexus key list|create|revoke|rotate|token`.
struct KeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Manage the account's API keys (needs an admin-scope key) and make short-lived tokens.",
        discussion: """
            Scopes: admin (everything, including keys and account settings), read (GET requests and GraphQL \
            queries), write (create and change data, run jobs; also reads), ingest (record score results and pipeline \
            metrics only; meant for pipelines).
            """,
        subcommands: [List.self, Create.self, Revoke.self, Rotate.self, Token.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the account's keys (never their secrets).")

        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let keys = try await connection.withClient { try await $0.keys.list() }
            Output.table(["ID", "NAME", "PREFIX", "SCOPES", "CREATED", "LAST USED", "EXPIRES"], keys.map { key in
                [key.id, key.name, key.prefix + "…", key.scopes.map(\.rawValue).joined(separator: ","),
                 key.createdAt.formatted(.iso8601), key.lastUsedAt?.formatted(.iso8601) ?? "never", key.expiresAt?.formatted(.iso8601) ?? "never"]
            })
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a key and print it with its secret, shown only once.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "What the key is for, such as 'nightly pipeline'.") var name: String
        @Option(name: .customLong("scope"), help: "A scope the key holds (repeat, or separate with commas): admin, read, write, ingest.")
        var scopes: [String] = []
        @Option(help: "Seconds until the key stops working (default: never).") var expiresIn: Int?

        func validate() throws {
            if scopes.isEmpty { throw ValidationError("Give the key at least one --scope: admin, read, write or ingest.") }
            _ = try KeyCommand.scopes(scopes, option: "--scope")
        }

        func run() async throws {
            let scopes = try KeyCommand.scopes(self.scopes, option: "--scope")
            try Output.json(try await connection.withClient { try await $0.keys.create(name: name, scopes: scopes, expiresInSeconds: expiresIn) })
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key at once.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The key's ID (from `plexus key list`).") var id: String

        func run() async throws {
            try await connection.withClient { try await $0.keys.revoke(id: id) }
            print("Revoked \(id).")
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace a key by a new one with the same name and scopes; the old one works until the grace period ends.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The key's ID (from `plexus key list`).") var id: String
        @Option(help: "Seconds the old key keeps working (default 86400, a day; 0 ends it now).") var gracePeriod: Int?

        func run() async throws {
            try Output.json(try await connection.withClient { try await $0.keys.rotate(id: id, gracePeriodSeconds: gracePeriod) })
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Exchange the key for a signed token (for browsers, WebSocket clients and jobs that should not hold the key).")

        @OptionGroup var connection: ConnectionOptions
        @Option(name: .customLong("scope"), help: "Narrow the token to these scopes (repeat, or separate with commas); default: the key's.")
        var scopes: [String] = []
        @Option(help: "Seconds until the token expires, 60 to 86400 (default: the server's, 900).") var expiresIn: Int?

        func validate() throws {
            if !scopes.isEmpty { _ = try KeyCommand.scopes(scopes, option: "--scope") }
        }

        func run() async throws {
            let scopes = scopes.isEmpty ? nil : try KeyCommand.scopes(self.scopes, option: "--scope")
            try Output.json(try await connection.withClient { try await $0.keys.token(scopes: scopes, expiresInSeconds: expiresIn) })
        }
    }

    /// Scopes given as repeated or comma-separated options, refused with the option's name.
    static func scopes(_ values: [String], option: String) throws -> [APIScope] {
        let names = values.flatMap { $0.split(separator: ",").map { String($0) } }
        do {
            return try APIScope.parse(names, field: option).ordered
        } catch let error as DomainError {
            throw ValidationError("\(option): \(error.message)")
        }
    }
}
