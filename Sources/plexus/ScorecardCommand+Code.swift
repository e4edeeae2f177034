import ArgumentParser
import Foundation
import PlexusModels
import PlexusScoring

/// `plexus scorecard validate|push|pull`: scorecards as YAML files.
extension ScorecardCommand {
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a YAML scorecard and print every problem with its file, line and path.")

        @Argument(help: "The YAML file.") var file: String

        func run() async throws {
            let definition = try ScorecardFile.parse(file)
            print("\(file): scorecard '\(definition.key)' is valid: \(definition.allScores.count) scores (\(definition.allScores.map(\.key).joined(separator: ", "))).")
        }
    }

    struct Push: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a YAML scorecard and store it as the scorecard's next version.",
            discussion: "Versions never change once stored; results record the version that produced them.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The YAML file.") var file: String

        func run() async throws {
            let source = try ScorecardFile.read(file)
            _ = try ScorecardFile.parse(file)
            let version = try await connection.withClient { try await $0.scorecards.pushVersion(source: source) }
            print("Pushed '\(version.scorecardKey)' as version \(version.version).")
        }
    }

    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a stored scorecard version's YAML, exactly as pushed.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The scorecard's key.") var key: String
        @Option(help: "The version (default: newest).") var version: Int?
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func run() async throws {
            let stored = try await connection.withClient { try await $0.scorecards.version(key, version: version) }
            if let output {
                try stored.source.write(toFile: output, atomically: true, encoding: .utf8)
                print("Wrote '\(key)' version \(stored.version) to \(output).")
            } else {
                print(stored.source, terminator: stored.source.hasSuffix("\n") ? "" : "\n")
            }
        }
    }
}

/// Reads and parses scorecard files for the commands above.
enum ScorecardFile {
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("Cannot read '\(path)'; check the path.")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The parsed scorecard; on problems prints every one and fails.
    static func parse(_ path: String) throws -> ScorecardDefinition {
        do {
            return try ScorecardParser(registry: .withModels).parse(try read(path), file: path)
        } catch let invalid as ScorecardInvalid {
            FileHandle.standardError.write(Data((invalid.description + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
