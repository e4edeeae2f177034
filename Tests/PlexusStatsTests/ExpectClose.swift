import Testing

/// The agreement required with the reference values.
let referenceTolerance = 1e-12

/// Expects `actual` within ``referenceTolerance`` of `expected`, naming `what` on failure.
func expectClose(
    _ actual: Double, _ expected: Double, _ what: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        abs(actual - expected) <= referenceTolerance,
        "\(what()): got \(actual), expected \(expected)",
        sourceLocation: sourceLocation
    )
}

/// Expects two equally long arrays to agree element by element within ``referenceTolerance``.
func expectClose(
    _ actual: [Double], _ expected: [Double], _ what: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(what()): lengths differ", sourceLocation: sourceLocation)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        expectClose(a, e, "\(what())[\(index)]", sourceLocation: sourceLocation)
    }
}
