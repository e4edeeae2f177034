import Foundation

/// The distribution of the one-sample two-sided Kolmogorov–Smirnov statistic D_n (SciPy's `kstwo`),
/// and the one-sided Smirnov survival function it leans on.
///
/// Some of the methods SciPy chooses between are approximations (Pelz–Good, 2·smirnov near 0.5,
/// a CDF of exactly 1 beyond n·x² = 18), so agreeing with SciPy to 1e-9 means choosing the same
/// method in the same place, not computing the exact value: every cut-off below is SciPy's
/// (`scipy.stats._ksstats._kolmogn`, after Simard and L'Ecuyer 2011).
///
/// This file is longer than most because the five methods and their shared helpers are one idea.
enum KolmogorovDistribution {
    /// P(D_n > x), as `scipy.stats.kstwo.sf(x, n)`; `n` must be at least 1.
    static func survival(n: Int, x: Double) -> Double {
        evaluate(n: n, x: x, cdf: false)
    }

    /// P(D_n ≤ x), as `scipy.stats.kstwo.cdf(x, n)`; `n` must be at least 1.
    static func cdf(n: Int, x: Double) -> Double {
        evaluate(n: n, x: x, cdf: true)
    }

    private static func evaluate(n: Int, x: Double, cdf wantCDF: Bool) -> Double {
        precondition(n >= 1, "the Kolmogorov distribution needs n >= 1, got \(n)")
        func select(cdf: Double, sf: Double) -> Double { clip(wantCDF ? cdf : sf) }
        if x.isNaN { return .nan }
        if x >= 1 { return select(cdf: 1, sf: 0) }
        if x <= 0 { return select(cdf: 0, sf: 1) }
        let size = Double(n)
        let t = size * x
        if t <= 1 {
            if t <= 0.5 { return select(cdf: 0, sf: 1) }
            let p = rubenGambinoLower(n: n, t: t)
            return select(cdf: p, sf: 1 - p)
        }
        if t >= size - 1 {
            let p = 2 * pow(1 - x, size)
            return select(cdf: 1 - p, sf: p)
        }
        if x >= 0.5 {
            // D_n+ and D_n- cannot both exceed 1/2, so doubling the one-sided tail is exact here.
            let p = 2 * smirnovSurvival(n: n, x: x)
            return select(cdf: 1 - p, sf: p)
        }
        let nxSquared = t * x
        if n <= 140 {
            let p: Double
            if nxSquared <= 0.754693 {
                p = durbinMatrix(n: n, x: x)
            } else if nxSquared <= 4 {
                p = pomeranz(n: n, x: x)
            } else {
                let tail = 2 * smirnovSurvival(n: n, x: x)
                return select(cdf: 1 - tail, sf: tail)
            }
            return select(cdf: p, sf: 1 - p)
        }
        // SciPy cuts the survival function and the CDF over at different places for large n.
        if !wantCDF {
            if nxSquared >= 370 { return 0 }
            if nxSquared >= 2.2 { return clip(2 * smirnovSurvival(n: n, x: x)) }
        }
        let p: Double
        if nxSquared >= 18 {
            p = 1
        } else if n <= 100_000, size * pow(x, 1.5) <= 1.4 {
            p = durbinMatrix(n: n, x: x)
        } else {
            p = pelzGood(n: n, x: x)
        }
        return select(cdf: p, sf: 1 - p)
    }

    // MARK: Ruben–Gambino: exact for 1/(2n) < x <= 1/n, where the CDF is n!/n^n (2nx - 1)^n.

    private static func rubenGambinoLower(n: Int, t: Double) -> Double {
        let size = Double(n)
        if n <= 140 {
            var product = 1.0
            for i in 1...n { product *= Double(i) * (1 / size) * (2 * t - 1) }
            return product
        }
        return exp(logFactorialOverPower(n) + size * log(2 * t - 1))
    }

    /// log(n!/n^n) by Stirling's series, with n·log(n) cancelled analytically.
    private static func logFactorialOverPower(_ n: Int) -> Double {
        let size = Double(n)
        let reciprocal = 1 / size
        let coefficients = [
            -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
            8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
            -2.7777777777777777778e-3, 8.3333333333333333333e-2,
        ]
        let u = reciprocal / size
        let series = coefficients.dropFirst().reduce(coefficients[0]) { $0 * u + $1 }
        return log(size) / 2 - size + log(2 * Double.pi) / 2 + reciprocal * series
    }

    // MARK: Durbin's matrix, as Marsaglia, Tsang and Wang compute it: the CDF is n!/n^n times
    // the central entry of H^n for a (2k-1)-square matrix H, k = ceil(nx).

    private static let scaleExponent = 128
    private static let scaleUp = 0x1p128
    private static let scaleDown = 0x1p-128

    private static func durbinMatrix(n: Int, x: Double) -> Double {
        if x >= 1 { return 1 }
        let nx = Double(n) * x
        if nx <= 0.5 { return 0 }
        let k = Int(nx.rounded(.up))
        let h = Double(k) - nx
        let m = 2 * k - 1
        var first = (1...m).map { 1 - pow(h, Double($0)) }
        var inverseFactorials = [Double](repeating: 0, count: m)
        var factorial = 1.0
        for j in 1...m {
            inverseFactorials[j - 1] = factorial
            factorial /= Double(j)
            first[j - 1] *= factorial
        }
        let correction = pow(max(2 * h - 1, 0), Double(m)) - 2 * pow(h, Double(m))
        first[m - 1] = (1 + correction) * factorial
        var base = SquareMatrix(size: m)
        for column in 1..<m {
            for row in (column - 1)..<m { base[row, column] = inverseFactorials[row - column + 1] }
        }
        for row in 0..<m { base[row, 0] = first[row] }
        for column in 0..<m { base[m - 1, column] = first[m - 1 - column] }

        // Square-and-multiply, rescaling by 2^-128 whenever the central entry grows past 2^128.
        var power = SquareMatrix.identity(size: m)
        var exponent = 0
        var baseExponent = 0
        var remaining = n
        while remaining > 0 {
            if remaining % 2 == 1 {
                power = power * base
                exponent += baseExponent
            }
            remaining /= 2
            guard remaining > 0 else { break }
            base = base * base
            baseExponent *= 2
            if abs(base[k - 1, k - 1]) > scaleUp {
                base.scale(by: scaleDown)
                baseExponent += scaleExponent
            }
        }
        var p = power[k - 1, k - 1]
        for i in 1...n {
            p = Double(i) * p / Double(n)
            if abs(p) < scaleDown {
                p *= scaleUp
                exponent -= scaleExponent
            }
        }
        return clip(exponent == 0 ? p : scalbn(p, exponent))
    }

    // MARK: Pomeranz's recursion (1974): 2n + 1 rows, each a convolution of the last with
    // Poisson-like weights; only a short run of each row can be non-zero.

    private static func pomeranz(n: Int, x: Double) -> Double {
        let t = Double(n) * x
        let whole = Int(t.rounded(.down))
        let fraction = t - Double(whole)
        let g = min(fraction, 1 - fraction)
        let ceilF = fraction > 0 ? 1 : 0
        let roundF = fraction > 0.5 ? 1 : 0
        let width = 2 * (whole + 1)
        var gPowers = [Double](repeating: 1, count: width)
        var twoGPowers = gPowers
        var oneMinusTwoGPowers = gPowers
        let (gOverN, twoGOverN, oneMinusTwoGOverN) = (g / Double(n), 2 * g / Double(n), (1 - 2 * g) / Double(n))
        for j in 1..<width {
            gPowers[j] = gPowers[j - 1] * gOverN / Double(j)
            twoGPowers[j] = twoGPowers[j - 1] * twoGOverN / Double(j)
            oneMinusTwoGPowers[j] = oneMinusTwoGPowers[j - 1] * oneMinusTwoGOverN / Double(j)
        }
        func bounds(_ i: Int) -> (Int, Int) {
            var (j1, j2): (Int, Int)
            if i == 0 {
                (j1, j2) = (-whole - ceilF - 1, whole + ceilF - 1)
            } else {
                let (half, odd) = ((i + 1) / 2, (i + 1) % 2)
                if odd == 0 {
                    (j1, j2) = half == n + 1
                        ? (n - whole - ceilF - 1, n + whole + ceilF - 1)
                        : (half - 1 - whole - roundF - 1, half + whole - 1 + ceilF - 1)
                } else {
                    (j1, j2) = (half - 1 - whole - 1, half + whole + roundF - 1)
                }
            }
            return (max(j1 + 2, 0), min(j2, n))
        }
        var previous = [Double](repeating: 0, count: width)
        var current = previous
        current[0] = 1
        var (previousStart, currentStart) = (0, 0)
        var exponent = 0
        var (j1, _) = bounds(0)
        for i in 1...(2 * n + 1) {
            let k1 = j1
            swap(&previous, &current)
            swap(&previousStart, &currentStart)
            for j in current.indices { current[j] = 0 }
            let j2: Int
            (j1, j2) = bounds(i)
            let weights = i == 1 || i == 2 * n + 1 ? gPowers : (i % 2 == 1 ? twoGPowers : oneMinusTwoGPowers)
            let span = j2 - k1 + 1
            guard span > 0 else { continue }
            // The entries conv[j1 - k1 ..< j2 - k1 + 1] of the full convolution of
            // previous[k1 - previousStart ..< +span] with weights[..<span].
            let offset = k1 - previousStart
            let inputCount = min(span, width - offset)
            let weightCount = min(span, width)
            for out in 0..<max(j2 - j1 + 1, 0) {
                let c = out + j1 - k1
                let (low, high) = (max(0, c - weightCount + 1), min(c, inputCount - 1))
                var sum = 0.0
                if low <= high {
                    for a in low...high { sum += previous[offset + a] * weights[c - a] }
                }
                current[out] = sum
            }
            if let largest = current.max(), largest > 0, largest < scaleDown {
                for j in current.indices { current[j] *= scaleUp }
                exponent -= scaleExponent
            }
            currentStart = previousStart + j1 - k1
        }
        var answer = current[n - currentStart]
        for j in 1...n {
            if abs(answer) > scaleUp {
                answer *= scaleDown
                exponent += scaleExponent
            }
            answer *= Double(j)
        }
        return clip(exponent == 0 ? answer : scalbn(answer, exponent))
    }

    // MARK: Pelz–Good (1976): Li-Chien and Korolyuk's expansion in 1/sqrt(n), each term rewritten
    // with Jacobi theta identities so it converges for small z = x·sqrt(n). An approximation.

    private static func pelzGood(n: Int, x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let z = Double(n).squareRoot() * x
        let (z2, z3, z4, z6) = (z * z, pow(z, 3), pow(z, 4), pow(z, 6))
        let logQ = -Double.pi * Double.pi / 8 / z2
        if logQ < -708 { return 0 }
        var q = exp(logQ)
        let pi2 = Double.pi * Double.pi, pi4 = pow(Double.pi, 4), pi6 = pow(Double.pi, 6)
        let k1a = -z2, k1b = pi2 / 4
        let k2a = 6 * z6 + 2 * z4
        let k2b = (2 * z4 - 5 * z2) * pi2 / 4
        let k2c = pi4 * (1 - 2 * z2) / 16
        let k3d = pi6 * (5 - 30 * z2) / 64
        let k3c = pi4 * (-60 * z2 + 212 * z4) / 16
        let k3b = pi2 * (135 * z4 - 96 * z6) / 4
        let k3a = -30 * z6 - 90 * pow(z, 8)
        var terms = [0.0, 0.0, 0.0, 0.0]
        let maxK = Int((16 * z / Double.pi).rounded(.up))
        for k in stride(from: maxK, through: 1, by: -1) {
            let m = Double(2 * k - 1)
            let (m2, m4, m6) = (m * m, pow(m, 4), pow(m, 6))
            let qPower = pow(q, Double(8 * k))
            let coefficients = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6]
            for i in 0..<4 { terms[i] = terms[i] * qPower + coefficients[i] }
        }
        let divisors = [z, 6 * z4, 72 * pow(z, 7), 6480 * pow(z, 10)]
        let root2Pi = (2 * Double.pi).squareRoot()
        for i in 0..<4 { terms[i] = terms[i] * q * root2Pi / divisors[i] }
        q = exp(-pi2 / 2 / z2)
        var k2Extra = 0.0, k3Extra = 0.0
        let root3z = 3.0.squareRoot() * z
        for k in stride(from: maxK, through: 1, by: -1) {
            let k2 = Double(k * k)
            let weight = k2 * pow(q, k2)
            let kPi = Double.pi * Double(k)
            k2Extra += weight
            k3Extra += (root3z + kPi) * (root3z - kPi) * weight
        }
        terms[2] += k2Extra * (pi2 * root2Pi / (-36 * z3))
        terms[3] += k3Extra * (pi2 * root2Pi / (216 * z6))
        return (0..<4).reduce(0.0) { $0 + terms[$1] / pow(Double(n), Double($1) / 2) }
    }

    // MARK: Smirnov's one-sided tail, exact.

    /// P(D_n+ ≥ x), the one-sided statistic's survival function, as `scipy.special.smirnov(n, x)`:
    /// the Birnbaum–Tingey sum x · Σ_{v < n(1-x)} C(n, v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v).
    ///
    /// Every term is positive; each is evaluated as a binomial probability with Loader's
    /// saddle-point form, which stays accurate to a few ulps where C(n, v) alone would overflow.
    /// SciPy sums in double-double arithmetic and, for a few terms near x = 0, sums the
    /// alternating complement instead; both agree with this to far better than 1e-9. Like SciPy,
    /// n above a million uses the approximation exp(-(6nx + 1)² / 18n).
    static func smirnovSurvival(n: Int, x: Double) -> Double {
        guard n > 0, x >= 0, x <= 1 else { return .nan }
        if n == 1 { return 1 - x }
        if x == 0 { return 1 }
        if x == 1 { return 0 }
        let size = Double(n)
        // n·x exactly, as high + low parts, so floor(n·x) and the last term's base are exact.
        let nxHigh = size * x
        let nxLow = (-nxHigh).addingProduct(size, x)
        var floorNX = nxHigh.rounded(.down)
        var remainder = (nxHigh - floorNX) + nxLow
        if remainder < 0 {
            floorNX -= 1
            remainder += 1
        }
        if remainder >= 1 {
            floorNX += 1
            remainder = 0
        }
        let nxFloor = Int(floorNX)
        if nxFloor == 0 || (nxFloor == 1 && remainder == 0) {
            return clip(1 - x * pow(1 + x, size - 1))  // x <= 1/n: only the v = 0 term of the CDF
        }
        if -2 * size * x * x < minimumLog { return 0 }
        if nxFloor >= n - 1 { return pow(1 - x, size) }
        if n > 1_000_000 {
            let logP = -pow(6 * size * x + 1, 2) / 18 / size
            return logP < -M_LN2 ? exp(logP) : 1 + expm1(logP)
        }
        let termCount = n - nxFloor
        var sum = CompensatedSum()
        sum.add(exp(size * log1p(-x)))  // v = 0: x · x^-1 (1 - x)^n
        for v in 1..<termCount {
            // n·p and n·q of the binomial with p = x + v/n, computed from the exact n·x.
            let meanHit = (Double(v) + nxHigh) + nxLow
            let meanMiss = (Double(n - v) - nxHigh) - nxLow
            let logMass = stirlingError(n) - stirlingError(v) - stirlingError(n - v)
                - devianceTerm(Double(v), mean: meanHit, difference: -(nxHigh + nxLow))
                - devianceTerm(Double(n - v), mean: meanMiss, difference: nxHigh + nxLow)
            let mass = exp(logMass) * (size / (2 * Double.pi * Double(v) * Double(n - v))).squareRoot()
            let term = mass * (nxHigh / meanHit)  // x / p = n·x / n·p
            sum.add(term)
            if term != 0 {
                if 4 * Double(termCount - v) * term < Double.ulpOfOne * sum.value, v != termCount - 1 { break }
            } else if v > n / 2 {
                break
            }
        }
        return clip(sum.value)
    }

    /// log(2^-1022), below which SciPy calls exp(-2nx²) zero.
    private static let minimumLog = -7.08396418532264106224e2

    /// log(k!) − [(k + ½)·log k − k + ½·log 2π], the error of Stirling's formula.
    private static func stirlingError(_ k: Int) -> Double {
        let n = Double(k)
        if k <= 15 {
            return lgamma(n + 1) - (n + 0.5) * log(n) + n - 0.5 * log(2 * Double.pi)
        }
        let (s0, s1, s2, s3, s4) = (1.0 / 12, 1.0 / 360, 1.0 / 1260, 1.0 / 1680, 1.0 / 1188)
        let n2 = n * n
        if k > 500 { return (s0 - s1 / n2) / n }
        if k > 80 { return (s0 - (s1 - s2 / n2) / n2) / n }
        if k > 35 { return (s0 - (s1 - (s2 - s3 / n2) / n2) / n2) / n }
        return (s0 - (s1 - (s2 - (s3 - s4 / n2) / n2) / n2) / n2) / n
    }

    /// k·log(k/mean) + mean − k without cancellation, given difference = k − mean exactly.
    private static func devianceTerm(_ k: Double, mean: Double, difference: Double) -> Double {
        guard abs(difference) < 0.1 * (k + mean) else {
            return k * log(k / mean) - difference
        }
        let ratio = difference / (k + mean)
        let ratioSquared = ratio * ratio
        var sum = difference * ratio
        var power = 2 * k * ratio
        var j = 1
        while true {
            power *= ratioSquared
            let next = sum + power / Double(2 * j + 1)
            if next == sum { return next }
            sum = next
            j += 1
        }
    }

    private static func clip(_ p: Double) -> Double {
        p.isNaN ? p : min(max(p, 0), 1)
    }
}

/// A dense row-major square matrix, just enough for Durbin's matrix powers.
private struct SquareMatrix {
    let size: Int
    private(set) var entries: [Double]

    init(size: Int) {
        self.size = size
        entries = [Double](repeating: 0, count: size * size)
    }

    static func identity(size: Int) -> SquareMatrix {
        var matrix = SquareMatrix(size: size)
        for i in 0..<size { matrix[i, i] = 1 }
        return matrix
    }

    subscript(row: Int, column: Int) -> Double {
        get { entries[row * size + column] }
        set { entries[row * size + column] = newValue }
    }

    mutating func scale(by factor: Double) {
        for i in entries.indices { entries[i] *= factor }
    }

    static func * (lhs: SquareMatrix, rhs: SquareMatrix) -> SquareMatrix {
        let n = lhs.size
        var product = SquareMatrix(size: n)
        // Unsafe buffers keep debug builds fast; the i-k-j order reads both operands row-wise.
        lhs.entries.withUnsafeBufferPointer { a in
            rhs.entries.withUnsafeBufferPointer { b in
                product.entries.withUnsafeMutableBufferPointer { c in
                    for i in 0..<n {
                        for k in 0..<n {
                            let aik = a[i * n + k]
                            if aik == 0 { continue }
                            for j in 0..<n { c[i * n + j] += aik * b[k * n + j] }
                        }
                    }
                }
            }
        }
        return product
    }
}
