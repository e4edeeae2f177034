import Foundation
import PlexusServer
import Testing

extension Charts {
    @Suite("Nice axis scales")
    struct NiceScaleTests {
        @Test("0...0.87 gets step 0.2 and ticks 0, 0.2, …, 1.0")
        func unitInterval() {
            let scale = NiceScale(covering: 0...0.87)
            #expect(scale.step == 0.2)
            #expect(scale.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
            #expect(scale.lower == 0 && scale.upper == 1)
        }

        @Test("0...10 gets step 2 and 0...1000 gets step 200")
        func wholeNumbers() {
            #expect(NiceScale(covering: 0...10).ticks == [0, 2, 4, 6, 8, 10])
            #expect(NiceScale(covering: 0...1000).ticks == [0, 200, 400, 600, 800, 1000])
        }

        @Test("A domain spanning zero is widened outward to whole steps", arguments: [-3.0...7, -0.87...0.13, -250...(-40)])
        func widensOutward(domain: ClosedRange<Double>) {
            let scale = NiceScale(covering: domain)
            #expect(scale.lower <= domain.lowerBound && scale.upper >= domain.upperBound)
            #expect(scale.ticks.first == scale.lower && scale.ticks.last == scale.upper)
            // No more than one step of slack on either side.
            #expect(domain.lowerBound - scale.lower < scale.step && scale.upper - domain.upperBound < scale.step)
        }

        @Test("The step is 1, 2 or 5 × 10ⁿ and gives about five ticks", arguments: [
            0.0...0.87, 0...1, 0...10, 3...17, -3...7, 0...0.003, 1...1_000_000, 0.91...0.97, 12...13, -1e6...1e6,
        ])
        func niceSteps(domain: ClosedRange<Double>) {
            let scale = NiceScale(covering: domain)
            let mantissa = scale.step / pow(10, floor(log10(scale.step)))
            #expect([1.0, 2, 5].contains { abs(mantissa - $0) < 1e-9 }, "step \(scale.step)")
            #expect((4...8).contains(scale.ticks.count), "ticks \(scale.ticks)")
            for (low, high) in zip(scale.ticks, scale.ticks.dropFirst()) {
                #expect(abs(high - low - scale.step) < scale.step * 1e-9)
            }
        }

        @Test("A domain without span gets one: 0 becomes 0...1, 5 lies strictly inside")
        func emptySpan() {
            let zero = NiceScale(covering: 0...0)
            #expect(zero.lower == 0 && zero.upper == 1)
            let five = NiceScale(covering: 5...5)
            #expect(five.lower < 5 && five.upper > 5 && five.ticks.count >= 3)
            let negative = NiceScale(covering: -2...(-2))
            #expect(negative.lower < -2 && negative.upper > -2)
        }

        @Test("An infinite domain falls back to 0...1")
        func infiniteDomain() {
            let scale = NiceScale(covering: -Double.infinity...Double.infinity)
            #expect(scale.lower == 0 && scale.upper == 1)
        }

        @Test("A fixed domain keeps its bounds and puts nice ticks inside them")
        func fixedDomain() {
            let unit = NiceScale(fixed: 0...1)
            #expect(unit.lower == 0 && unit.upper == 1 && unit.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
            let partial = NiceScale(fixed: 0...0.87)
            #expect(partial.lower == 0 && partial.upper == 0.87)
            #expect(partial.ticks == [0, 0.2, 0.4, 0.6, 0.8])
        }

        @Test("fraction maps the bounds to 0 and 1 and clamps values outside them")
        func fractions() {
            let scale = NiceScale(fixed: -1...3)
            #expect(scale.fraction(of: -1) == 0 && scale.fraction(of: 3) == 1)
            #expect(scale.fraction(of: 0) == 0.25)
            #expect(scale.fraction(of: 9) == 1 && scale.fraction(of: -9) == 0)
            #expect(scale.fraction(of: .nan) == 0)
        }

        @Test("Tick labels of one scale share the decimals the step needs")
        func labels() {
            let unit = NiceScale(covering: 0...0.87)
            #expect(unit.ticks.map(unit.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
            let fine = NiceScale(covering: 0...0.1)
            #expect(fine.ticks.map(fine.label) == ["0.00", "0.02", "0.04", "0.06", "0.08", "0.10"])
            let large = NiceScale(covering: 0...1000)
            #expect(large.ticks.map(large.label) == ["0", "200", "400", "600", "800", "1000"])
        }
    }
}
