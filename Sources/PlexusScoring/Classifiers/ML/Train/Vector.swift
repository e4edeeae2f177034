/// Dense vector arithmetic the optimizers share.
enum Vector {
    /// The dot product of two vectors of equal length.
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for index in a.indices { sum += a[index] * b[index] }
        return sum
    }

    /// The Euclidean length.
    static func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }

    /// The largest absolute component; 0 for an empty vector.
    static func maxMagnitude(_ a: [Double]) -> Double {
        a.reduce(0) { max($0, abs($1)) }
    }

    /// `target += scale * a`.
    static func add(_ scale: Double, _ a: [Double], to target: inout [Double]) {
        for index in target.indices { target[index] += scale * a[index] }
    }
}
