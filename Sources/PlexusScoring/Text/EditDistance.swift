/// Edit distances between sequences of Unicode scalar values, and the similarities built on them.
public enum EditDistance {
    /// The Levenshtein distance: insertions, deletions and substitutions, each costing 1.
    public static func levenshtein(_ a: [UInt32], _ b: [UInt32]) -> Int {
        let (pattern, text) = a.count <= b.count ? (a, b) : (b, a)
        var column = LevenshteinColumn(pattern: pattern)
        for scalar in text { column.append(scalar) }
        return column.distance
    }

    /// `1 - levenshtein / max(length)`, 1 for two empty sequences (RapidFuzz's `Levenshtein.normalized_similarity`).
    public static func levenshteinSimilarity(_ a: [UInt32], _ b: [UInt32]) -> Double {
        let longest = max(a.count, b.count)
        return longest == 0 ? 1 : 1 - Double(levenshtein(a, b)) / Double(longest)
    }

    /// The length of the longest common subsequence.
    public static func longestCommonSubsequence(_ a: [UInt32], _ b: [UInt32]) -> Int {
        let (pattern, text) = a.count <= b.count ? (a, b) : (b, a)
        guard !pattern.isEmpty else { return 0 }
        if pattern.count <= 64 {
            // Hyyrö's bit-parallel LCS: zero bits of `state` mark matched pattern positions.
            let masks = PatternMasks(pattern)
            let allBits: UInt64 = pattern.count == 64 ? ~0 : (UInt64(1) << UInt64(pattern.count)) - 1
            var state = allBits
            for scalar in text {
                let matched = state & masks.mask(scalar)
                state = ((state &+ matched) | (state &- matched)) & allBits
            }
            return (~state & allBits).nonzeroBitCount
        }
        var row = [Int](repeating: 0, count: pattern.count + 1)
        for scalar in text {
            var diagonal = 0
            for index in pattern.indices {
                let above = row[index + 1]
                row[index + 1] = pattern[index] == scalar ? diagonal + 1 : max(above, row[index])
                diagonal = above
            }
        }
        return row[pattern.count]
    }

    /// The Indel distance: insertions and deletions only, `|a| + |b| - 2 * LCS`.
    public static func indel(_ a: [UInt32], _ b: [UInt32]) -> Int {
        a.count + b.count - 2 * longestCommonSubsequence(a, b)
    }
}
