/// The outcome of a test that compares two samples: its statistic and the p-value of the
/// statistic under the hypothesis that both samples come from one distribution.
public struct TwoSampleTestResult: Sendable, Equatable, Codable {
    /// The test statistic, in the units its reference implementation reports.
    public let statistic: Double
    /// The probability of a statistic at least this extreme if nothing changed, in [0, 1].
    public let pValue: Double

    /// A result with the given statistic and p-value.
    public init(statistic: Double, pValue: Double) {
        self.statistic = statistic
        self.pValue = pValue
    }
}

/// Which departure from "no difference" a one- or two-sided test looks for, named and meant as
/// SciPy does for each test: for Mann–Whitney `less` means the first sample tends to be smaller,
/// for Kolmogorov–Smirnov it means the first sample's CDF lies below the second's somewhere.
public enum Alternative: String, Sendable, Codable, CaseIterable {
    /// Either sample may be the larger.
    case twoSided = "two-sided"
    /// The one-sided alternative SciPy calls `less`.
    case less
    /// The one-sided alternative SciPy calls `greater`.
    case greater
}

/// How a test with both an exact and a large-sample p-value computes it, as SciPy names them.
public enum PValueMethod: String, Sendable, Codable, CaseIterable {
    /// Exact for small samples, asymptotic beyond the test's documented size.
    case auto
    /// The exact null distribution.
    case exact
    /// The large-sample approximation.
    case asymptotic
}
