import Foundation

/// One timed path of the scoring benchmark.
struct ScoringMeasurement {
    let label: String
    let items: Int
    let seconds: Double

    var itemsPerSecond: Double { Double(items) / seconds }

    /// `label  items/s  seconds  ratio` with the ratio against `reference` (items/s), when there is one.
    func line(against reference: Double?) -> String {
        let ratio = reference.map { String(format: "%9.2fx", itemsPerSecond / $0) } ?? "         -"
        return label.padding(toLength: 58, withPad: " ", startingAt: 0) + String(format: "%10.0f %9.2f %@", itemsPerSecond, seconds, ratio)
    }

    static let header = "path".padding(toLength: 58, withPad: " ", startingAt: 0) + "   items/s   seconds vs sklearn"

    /// Times `body`, which handles `items` items.
    static func time(_ label: String, items: Int, _ body: () async throws -> Void) async rethrows -> ScoringMeasurement {
        let clock = ContinuousClock()
        let start = clock.now
        try await body()
        return ScoringMeasurement(label: label, items: items, seconds: (clock.now - start).seconds)
    }
}
