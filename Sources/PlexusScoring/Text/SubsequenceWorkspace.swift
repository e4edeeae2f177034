/// Reusable tables for many longest-common-subsequence computations in a row, so the bit-parallel
/// algorithm allocates nothing per call.
struct SubsequenceWorkspace {
    private var ascii = [UInt64](repeating: 0, count: 128)
    private var other: [(scalar: UInt32, mask: UInt64)] = []

    /// The length of the longest common subsequence of `a` and `b`.
    mutating func longestCommonSubsequence(_ a: [UInt32], _ b: [UInt32]) -> Int {
        let (pattern, text) = a.count <= b.count ? (a, b) : (b, a)
        guard !pattern.isEmpty else { return 0 }
        guard pattern.count <= 64 else { return EditDistance.longestCommonSubsequence(a, b) }
        other.removeAll(keepingCapacity: true)
        for (position, scalar) in pattern.enumerated() {
            let bit = UInt64(1) << UInt64(position)
            if scalar < 128 {
                ascii[Int(scalar)] |= bit
            } else if let index = other.firstIndex(where: { $0.scalar == scalar }) {
                other[index].mask |= bit
            } else {
                other.append((scalar, bit))
            }
        }
        let allBits: UInt64 = pattern.count == 64 ? ~0 : (UInt64(1) << UInt64(pattern.count)) - 1
        var state = allBits
        for scalar in text {
            let mask = scalar < 128 ? ascii[Int(scalar)] : (other.first { $0.scalar == scalar }?.mask ?? 0)
            let matched = state & mask
            state = ((state &+ matched) | (state &- matched)) & allBits
        }
        for scalar in pattern where scalar < 128 { ascii[Int(scalar)] = 0 }
        return (~state & allBits).nonzeroBitCount
    }

    /// The Indel distance, `|a| + |b| - 2 * LCS`.
    mutating func indel(_ a: [UInt32], _ b: [UInt32]) -> Int {
        a.count + b.count - 2 * longestCommonSubsequence(a, b)
    }
}
