/// Two classifiers' correctness on the same items, checked and reduced to what the comparisons read.
struct PairedOutcomes: Sendable {
    /// Per item, candidate minus baseline correctness: −1, 0 or 1.
    let differences: [Int8]
    /// Items the baseline got right and the candidate wrong (McNemar's b).
    let baselineOnlyCorrect: Int
    /// Items the candidate got right and the baseline wrong (McNemar's c).
    let candidateOnlyCorrect: Int
    /// Items the baseline got right.
    let baselineCorrect: Int
    /// Items the candidate got right.
    let candidateCorrect: Int

    /// Pairs `baseline[i]` with `candidate[i]`; throws unless both are equally long and non-empty.
    init(baseline: [Bool], candidate: [Bool]) throws(ComparisonError) {
        guard baseline.count == candidate.count else {
            throw .lengthMismatch(baseline: baseline.count, candidate: candidate.count)
        }
        guard !baseline.isEmpty else { throw .empty }
        differences = zip(baseline, candidate).map { Int8($1 ? 1 : 0) - Int8($0 ? 1 : 0) }
        baselineOnlyCorrect = differences.count { $0 < 0 }
        candidateOnlyCorrect = differences.count { $0 > 0 }
        baselineCorrect = baseline.count { $0 }
        candidateCorrect = candidate.count { $0 }
    }

    /// The number of items.
    var count: Int { differences.count }
}
