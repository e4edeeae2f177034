import Testing

/// Expects `actual` within `tolerance` of `expected`, naming `what` on failure.
func expectWithin(
    _ actual: Double, _ expected: Double, _ tolerance: Double, _ what: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        abs(actual - expected) <= tolerance,
        "\(what()): got \(actual), expected \(expected) ± \(tolerance)",
        sourceLocation: sourceLocation
    )
}
