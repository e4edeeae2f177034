/// Myers' bit-parallel Levenshtein distance (in Hyyrö's formulation for global distance) between a
/// pattern of at most 64 scalars and a text fed one scalar at a time, as that scalar's
/// ``PatternMasks`` mask.
struct BitParallelLevenshtein: Sendable {
    private let lastBit: UInt64
    private let allBits: UInt64
    private let length: Int
    private var positive: UInt64
    private var negative: UInt64 = 0
    /// The distance between the pattern and the text fed since the last reset.
    private(set) var distance: Int

    /// Prepares for a pattern of `length` scalars (1 to 64).
    init(patternLength length: Int) {
        precondition((1...64).contains(length), "bit-parallel patterns hold 1 to 64 scalars")
        self.length = length
        lastBit = UInt64(1) << UInt64(length - 1)
        allBits = length == 64 ? ~0 : (UInt64(1) << UInt64(length)) - 1
        positive = allBits
        distance = length
    }

    /// Starts again with an empty text.
    @inline(__always)
    mutating func reset() {
        positive = allBits
        negative = 0
        distance = length
    }

    /// Feeds one text scalar, given as the mask of its positions in the pattern.
    @inline(__always)
    mutating func append(mask equal: UInt64) {
        let vertical = equal | negative
        let horizontal = (((equal & positive) &+ positive) ^ positive) | equal
        var horizontalPositive = negative | ~(horizontal | positive)
        var horizontalNegative = positive & horizontal
        if horizontalPositive & lastBit != 0 { distance += 1 } else if horizontalNegative & lastBit != 0 { distance -= 1 }
        horizontalPositive = (horizontalPositive << 1) | 1
        horizontalNegative <<= 1
        positive = (horizontalNegative | ~(vertical | horizontalPositive)) & allBits
        negative = horizontalPositive & vertical & allBits
    }
}
