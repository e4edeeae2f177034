/// Why two classifiers could not be compared.
public enum ComparisonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The two correctness arrays have different lengths.
    case lengthMismatch(baseline: Int, candidate: Int)
    /// There are no items to compare.
    case empty
    /// A count of items is below zero.
    case negativeCount(name: String, count: Int)
    /// The confidence level is not strictly between 0 and 1.
    case invalidConfidence(Double)
    /// The number of bootstrap resamples is below 1.
    case invalidResampleCount(Int)

    /// A message naming the offending value and what to do about it.
    public var description: String {
        switch self {
        case let .lengthMismatch(baseline, candidate):
            "Got \(baseline) baseline results but \(candidate) candidate results; judge both classifiers on the same items, in the same order."
        case .empty:
            "There are no items to compare; pass at least one result per classifier."
        case let .negativeCount(name, count):
            "The count \(name) is \(count); counts must be 0 or more."
        case let .invalidConfidence(confidence):
            "The confidence level \(confidence) is outside (0, 1); pass a level such as 0.95."
        case let .invalidResampleCount(resamples):
            "\(resamples) bootstrap resamples were asked for; ask for at least 1 (10,000 is usual)."
        }
    }
}
