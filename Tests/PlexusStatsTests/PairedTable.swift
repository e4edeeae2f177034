/// The four cells of a paired 2×2 table of two classifiers' correctness.
struct PairedTable: Decodable, Sendable {
    var bothCorrect: Int
    var baselineOnlyCorrect: Int
    var candidateOnlyCorrect: Int
    var bothWrong: Int

    /// Correctness arrays with these counts: both right, then only the baseline, then only the
    /// candidate, then neither. McNemar's test and the bootstrap ignore item order.
    var outcomes: (baseline: [Bool], candidate: [Bool]) {
        func repeated(_ baseline: Bool, _ candidate: Bool, _ count: Int) -> [(Bool, Bool)] {
            Array(repeating: (baseline, candidate), count: count)
        }
        let pairs = repeated(true, true, bothCorrect) + repeated(true, false, baselineOnlyCorrect)
            + repeated(false, true, candidateOnlyCorrect) + repeated(false, false, bothWrong)
        return (pairs.map(\.0), pairs.map(\.1))
    }
}
