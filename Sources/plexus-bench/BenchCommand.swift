import ArgumentParser

/// `plexus-bench`: benchmarks that print figures, run with `swift run -c release plexus-bench …`.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plexus-bench",
        abstract: "Measure Plexus's performance and print figures.",
        subcommands: [IngestBenchmark.self, DashboardBenchmark.self, ScoringBenchmark.self, LoadBenchmark.self, DriftBenchmark.self, DataBenchmark.self, ModelsBenchmark.self]
    )
}
