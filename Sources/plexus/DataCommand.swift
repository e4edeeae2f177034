import ArgumentParser
import Foundation
import PlexusClient
import PlexusMonitoring

/// `plexus data upload|list|stats|quality|delete`.
struct DataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data", abstract: "Upload datasets (CSV or JSON Lines) and read their statistics and quality findings.",
        discussion: """
            A dataset is stored in the server's database, column by column, so every server and worker on it sees \
            the same data. Column types are inferred (integer, float, boolean, categorical, text, datetime); force \
            one with --schema column=type.
            """,
        subcommands: [Upload.self, List.self, Stats.self, Quality.self, Delete.self])

    struct Upload: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Upload a CSV or JSON Lines file, with a progress bar, and print what was stored.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The file (.csv, .tsv, .jsonl or .ndjson).") var file: String
        @Option(help: "The dataset's name (default: the file's name without its extension).") var name: String?
        @Option(help: "What the data is.") var description: String?
        @Option(help: "Force a column's type, as column=type (repeat); types: integer, float, boolean, categorical, text, datetime.")
        var schema: [String] = []
        @Option(help: "csv or jsonl (default: from the extension).") var format: String?
        @Flag(help: "Print the stored dataset as JSON.") var json = false

        func validate() throws {
            _ = try DataCommand.columnTypes(schema, option: "--schema")
            guard FileManager.default.isReadableFile(atPath: file) else { throw ValidationError("Cannot read \(file); give the path of a CSV or JSON Lines file.") }
        }

        func run() async throws {
            let types = try DataCommand.columnTypes(schema, option: "--schema")
            let bar = UploadProgressBar()
            let dataset = try await connection.withClient { client in
                try await client.datasets.upload(
                    file: URL(fileURLWithPath: file), name: name, description: description, schema: types, format: format, as: Dataset.self,
                    progress: { bar.show(sent: $0, total: $1) })
            }
            bar.finish()
            if json { return try Output.json(dataset) }
            print("Stored \(dataset.name) as \(dataset.id): \(dataset.rowCount) rows × \(dataset.columns.count) columns, quality \(dataset.qualityScore.map { String(format: "%.1f", $0) } ?? "–")/100.")
            if dataset.badRowCount > 0 {
                let lines = dataset.badRows.prefix(5).map { "line \($0.line): \($0.message)" }.joined(separator: "\n  ")
                print("\(dataset.badRowCount) record(s) could not be read and were not stored:\n  \(lines)")
            }
            Output.table(["COLUMN", "TYPE", "INFERRED"], dataset.columns.map { [$0.name, $0.type.rawValue, $0.inferredType?.rawValue ?? ""] })
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the account's datasets, newest first.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "How many to show, 1–1000.") var limit = 100

        func run() async throws {
            let page = try await connection.withClient { try await $0.datasets.list(of: Dataset.self, limit: limit) }
            Output.table(["ID", "NAME", "ROWS", "COLUMNS", "BAD ROWS", "QUALITY", "CREATED"], page.data.map { dataset in
                [dataset.id.rawValue, dataset.name, String(dataset.rowCount), String(dataset.columns.count), String(dataset.badRowCount),
                 dataset.qualityScore.map { String(format: "%.1f", $0) } ?? "–", dataset.createdAt.formatted(.iso8601)]
            })
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print every column's statistics (pandas' describe() and more).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The dataset's ID (from `plexus data list`).") var id: String
        @Flag(help: "Print the statistics as JSON, histograms and top categories included.") var json = false

        func run() async throws {
            let statistics = try await connection.withClient { try await $0.datasets.statistics(id, as: DatasetStatistics.self) }
            if json { return try Output.json(statistics) }
            print("\(statistics.rowCount) rows")
            Output.table(["COLUMN", "TYPE", "COUNT", "MISSING", "DISTINCT", "MEAN", "STD", "MIN", "P25", "P50", "P75", "MAX", "TOP"], statistics.columns.map { column in
                [column.name, column.type.rawValue, String(column.count), String(column.missing), String(column.distinct),
                 Self.number(column.mean), Self.number(column.std), Self.number(column.min), Self.number(column.p25),
                 Self.number(column.p50), Self.number(column.p75), Self.number(column.max),
                 column.top.prefix(3).map { "\($0.value) (\($0.count))" }.joined(separator: ", ")]
            })
        }

        private static func number(_ value: Double?) -> String {
            guard let value else { return "" }
            return value == value.rounded() && abs(value) < 1e12 ? String(Int64(value)) : String(format: "%.4g", value)
        }
    }

    struct Quality: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the dataset's quality score and findings, most severe first.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The dataset's ID (from `plexus data list`).") var id: String
        @Option(help: "A column an input needs, as column=type (repeat): missing or mistyped ones become findings.") var expect: [String] = []
        @Option(help: "An uploaded model (ID, name@version or name) whose inputs the columns must feed; --expect overrides single columns.") var model: String?
        @Flag(help: "Print the report as JSON, examples included.") var json = false

        func validate() throws {
            _ = try DataCommand.columnTypes(expect, option: "--expect")
        }

        func run() async throws {
            let expected = try DataCommand.columnTypes(expect, option: "--expect")
            let quality = try await connection.withClient { try await $0.datasets.quality(id, expect: expected, model: model, as: DatasetQuality.self) }
            if json { return try Output.json(quality) }
            print(String(format: "Quality %.1f/100 (%@)", quality.score, quality.formula))
            Output.table(["SEVERITY", "KIND", "COLUMN", "COUNT", "WHAT TO DO"], quality.findings.map {
                [$0.severity.rawValue, $0.kind.rawValue, $0.column ?? "", String($0.count), $0.message]
            })
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a dataset and its cells.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The dataset's ID (from `plexus data list`).") var id: String

        func run() async throws {
            try await connection.withClient { try await $0.datasets.delete(id) }
            print("Deleted \(id).")
        }
    }

    /// `column=type` options as a schema, refusing unknown types by the option's name.
    static func columnTypes(_ pairs: [String], option: String) throws -> [String: String] {
        var types: [String: String] = [:]
        let names = ColumnType.allCases.map(\.rawValue).joined(separator: ", ")
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else { throw ValidationError("\(option) takes column=type, such as plan=categorical; got '\(pair)'.") }
            guard ColumnType(rawValue: parts[1]) != nil else { throw ValidationError("\(option) \(pair): '\(parts[1])' is not a type; the types are \(names).") }
            types[parts[0]] = parts[1]
        }
        return types
    }
}

/// Draws an upload's progress in bytes when standard error is a terminal.
final class UploadProgressBar: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1

    func show(sent: Int64, total: Int64) {
        guard isTerminal else { return }
        let mib = { (bytes: Int64) in Int((Double(bytes) / 1_048_576).rounded(.up)) }
        let line = ProgressBar().render(done: mib(sent), total: mib(total), detail: sent == total ? "MiB sent; profiling…" : "MiB")
        FileHandle.standardError.write(Data(("\r" + line).utf8))
    }

    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
