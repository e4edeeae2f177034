/// Why a statistic or test could not be computed on the data given.
public enum StatisticsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A sample has fewer observations than the statistic needs.
    case tooFewObservations(sample: String, needed: Int, got: Int)
    /// A sample holds NaN or an infinity, which no statistic here orders or sums.
    case nonFiniteValue(sample: String, index: Int)
    /// A parameter is outside its allowed range.
    case invalidParameter(name: String, value: String, allowed: String)

    /// A message naming the offending value and what to do about it.
    public var description: String {
        switch self {
        case let .tooFewObservations(sample, needed, got):
            "The \(sample) sample has \(got) observation\(got == 1 ? "" : "s") but this statistic needs at least \(needed); widen the window or lower the minimum sample size."
        case let .nonFiniteValue(sample, index):
            "Value \(index) of the \(sample) sample is NaN or infinite; drop missing values before testing."
        case let .invalidParameter(name, value, allowed):
            "\(name) is \(value); it must be \(allowed)."
        }
    }
}
