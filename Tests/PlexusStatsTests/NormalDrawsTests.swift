import Foundation
import PlexusStats
import Testing

@Suite("Ziggurat normal draws")
struct NormalDrawsTests {
    @Test("200,000 draws pass a Kolmogorov–Smirnov test against the standard normal, tail included")
    func standardNormal() {
        var generator = SeededRandomNumberGenerator(seed: 20261207)
        let count = 200_000
        let normals = NormalDraws()
        let draws = (0 ..< count).map { _ in normals.next(using: &generator) }.sorted()
        var largestGap = 0.0
        for (index, value) in draws.enumerated() {
            let cdf = Distributions.normalCDF(value)
            largestGap = max(largestGap, abs(cdf - Double(index) / Double(count)), abs(cdf - Double(index + 1) / Double(count)))
        }
        // The 0.1% critical value of D for n = 200,000 is 1.95/√n ≈ 0.0044.
        #expect(largestGap < 1.95 / Double(count).squareRoot(), "D = \(largestGap)")
        let mean = draws.reduce(0, +) / Double(count)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
        #expect(abs(mean) < 0.01 && abs(variance - 1) < 0.015, "mean \(mean), variance \(variance)")
        // Draws beyond the base layer's edge (3.4426) come from the tail sampler: expected 2·P(Z > r)·n ≈ 115.
        let tail = draws.filter { abs($0) > 3.442619855899 }.count
        let expected = 2 * Distributions.normalSurvival(3.442619855899) * Double(count)
        #expect(abs(Double(tail) - expected) < 4 * expected.squareRoot(), "\(tail) tail draws, expected \(expected)")
        #expect(draws.contains { $0 > 4 } && draws.contains { $0 < -4 })
    }

    @Test("Uniform draws lie in [0, 1) and the same seed repeats the same normals")
    func seeded() {
        var first = SeededRandomNumberGenerator(seed: 5), second = SeededRandomNumberGenerator(seed: 5)
        let a = (0 ..< 1_000).map { _ in NormalDraws().next(using: &first) }
        let b = (0 ..< 1_000).map { _ in NormalDraws().next(using: &second) }
        #expect(a == b)
        #expect((0 ..< 10_000).allSatisfy { _ in (0 ..< 1).contains(NormalDraws.uniform(&first)) })
    }
}
