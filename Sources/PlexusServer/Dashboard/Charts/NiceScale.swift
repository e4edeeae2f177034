import Foundation

/// A linear axis scale whose ticks fall on "nice" steps of 1, 2 or 5 × 10ⁿ.
///
/// The step is the nice number nearest to `span / (targetTickCount - 1)` (Heckbert's rounding:
/// a leading digit below 1.5 gives 1, below 3 gives 2, below 7 gives 5, else 10). So 0...0.87
/// gets step 0.2 and ticks 0, 0.2, …, 1.0, and 0...10 gets step 2 and ticks 0, 2, …, 10.
public struct NiceScale: Sendable, Equatable {
    /// The lowest value of the axis.
    public let lower: Double
    /// The highest value of the axis; always above ``lower``.
    public let upper: Double
    /// The distance between neighbouring ticks.
    public let step: Double
    /// The tick values, ascending, all within ``lower``...``upper``.
    public let ticks: [Double]
    /// How many decimals a tick label needs to tell neighbouring ticks apart.
    public let labelDecimals: Int

    /// Bounds beyond this magnitude are clamped, so tick indices stay small integers.
    private static let limit = 1e12
    /// Bounds nearer zero than this count as zero, so steps never underflow.
    private static let resolution = 1e-9

    /// A scale that covers `domain`, widened outward to whole steps.
    ///
    /// An empty span is widened first: 0 becomes 0...1, any other value v becomes v ± |v|/2.
    /// Non-finite bounds give 0...1; bounds beyond ±10¹² are clamped and those within ±10⁻⁹ of
    /// zero count as zero.
    public init(covering domain: ClosedRange<Double>, targetTickCount: Int = 5) {
        let (low, high) = Self.widened(domain)
        let nice = NiceStep(span: high - low, targetTickCount: targetTickCount)
        var first = Int((low / nice.value + 1e-9).rounded(.down))
        var last = Int((high / nice.value - 1e-9).rounded(.up))
        if last <= first { (first, last) = (first, first + 1) }
        self.init(lower: nice.multiple(first), upper: nice.multiple(last), step: nice, ticks: Array(first...last))
    }

    /// A scale whose bounds are exactly `domain` (e.g. 0...1 for a rate), with nice ticks inside it.
    ///
    /// A domain without span falls back to ``init(covering:targetTickCount:)``.
    public init(fixed domain: ClosedRange<Double>, targetTickCount: Int = 5) {
        let low = Self.clamped(domain.lowerBound), high = Self.clamped(domain.upperBound)
        guard high - low > max(abs(low), abs(high)) * 1e-12 else {
            self.init(covering: domain, targetTickCount: targetTickCount)
            return
        }
        let nice = NiceStep(span: high - low, targetTickCount: targetTickCount)
        let first = Int((low / nice.value - 1e-9).rounded(.up))
        let last = Int((high / nice.value + 1e-9).rounded(.down))
        // With fewer than three target ticks a step can outgrow the domain and leave no tick inside.
        self.init(lower: low, upper: high, step: nice, ticks: Array(stride(from: first, through: last, by: 1)))
    }

    private init(lower: Double, upper: Double, step: NiceStep, ticks: [Int]) {
        self.lower = lower
        self.upper = upper
        self.step = step.value
        self.ticks = ticks.map(step.multiple)
        self.labelDecimals = max(0, -step.exponent)
    }

    /// Where `value` lies on the scale: 0 at ``lower``, 1 at ``upper``, clamped to 0...1.
    public func fraction(of value: Double) -> Double {
        guard value.isFinite else { return 0 }
        return min(max((value - lower) / (upper - lower), 0), 1)
    }

    /// The label of a tick, with the same number of decimals for every tick of this scale.
    public func label(_ value: Double) -> String {
        SVG.number(value, decimals: labelDecimals, keepTrailingZeros: true)
    }

    /// The domain's bounds as finite, clamped numbers with a non-zero span.
    private static func widened(_ domain: ClosedRange<Double>) -> (Double, Double) {
        var low = clamped(domain.lowerBound), high = clamped(domain.upperBound)
        if !domain.lowerBound.isFinite || !domain.upperBound.isFinite { (low, high) = (0, 1) }
        // Spans this small relative to the values are treated as none, which keeps tick indices small.
        if high - low <= max(abs(low), abs(high)) * 1e-12 {
            let middle = (low + high) / 2
            (low, high) = middle == 0 ? (0, 1) : (middle - abs(middle) / 2, middle + abs(middle) / 2)
        }
        return (low, high)
    }

    private static func clamped(_ value: Double) -> Double {
        guard value.isFinite, abs(value) >= resolution else { return 0 }
        return min(max(value, -limit), limit)
    }
}

/// A step of `mantissa` × 10^`exponent` with `mantissa` 1, 2 or 5.
private struct NiceStep {
    let mantissa: Int
    let exponent: Int

    init(span: Double, targetTickCount: Int) {
        let raw = span / Double(max(targetTickCount - 1, 1))
        var exponent = Int(log10(raw).rounded(.down))
        let fraction = raw / pow(10, Double(exponent))
        let mantissa: Int
        switch fraction {
        case ..<1.5: mantissa = 1
        case ..<3: mantissa = 2
        case ..<7: mantissa = 5
        default: mantissa = 1; exponent += 1
        }
        self.mantissa = mantissa
        self.exponent = exponent
    }

    var value: Double { multiple(1) }

    /// `index` steps, computed so that e.g. 3 × 0.2 is exactly 0.6 rather than 0.6000000000000001.
    func multiple(_ index: Int) -> Double {
        let units = Double(index * mantissa)
        return exponent >= 0 ? units * pow(10, Double(exponent)) : units / pow(10, Double(-exponent))
    }
}
