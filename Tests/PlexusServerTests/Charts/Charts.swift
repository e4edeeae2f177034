import Testing

/// Groups the chart suites, so that `swift test --filter Charts` runs them all.
@Suite("Charts")
enum Charts {}
