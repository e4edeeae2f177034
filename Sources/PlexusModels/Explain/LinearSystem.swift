/// Dense linear systems A·x = b for the explainers' small normal equations.
enum LinearSystem {
    /// Solves the `size`×`size` system `matrix` · x = b for each b of `vectors` by Gaussian
    /// elimination with partial pivoting, factorising once; nil when the matrix is singular.
    static func solve(_ matrix: [Double], _ vectors: [[Double]], size n: Int) -> [[Double]]? {
        var a = matrix
        let count = vectors.count
        // The right-hand sides side by side: b[row * count + which].
        var b = [Double](repeating: 0, count: n * count)
        for (which, vector) in vectors.enumerated() {
            for row in 0 ..< n { b[row * count + which] = vector[row] }
        }
        for column in 0 ..< n {
            var pivot = column
            for row in column + 1 ..< n where abs(a[row * n + column]) > abs(a[pivot * n + column]) { pivot = row }
            guard abs(a[pivot * n + column]) > 1e-300 else { return nil }
            if pivot != column {
                for k in 0 ..< n { a.swapAt(column * n + k, pivot * n + k) }
                for which in 0 ..< count { b.swapAt(column * count + which, pivot * count + which) }
            }
            for row in column + 1 ..< n {
                let factor = a[row * n + column] / a[column * n + column]
                guard factor != 0 else { continue }
                for k in column ..< n { a[row * n + k] -= factor * a[column * n + k] }
                for which in 0 ..< count { b[row * count + which] -= factor * b[column * count + which] }
            }
        }
        var solutions = [[Double]](repeating: [Double](repeating: 0, count: n), count: count)
        for which in 0 ..< count {
            var x = [Double](repeating: 0, count: n)
            for row in stride(from: n - 1, through: 0, by: -1) {
                var sum = b[row * count + which]
                for k in row + 1 ..< n { sum -= a[row * n + k] * x[k] }
                x[row] = sum / a[row * n + row]
            }
            solutions[which] = x
        }
        return solutions
    }
}
