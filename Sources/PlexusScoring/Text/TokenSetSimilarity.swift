/// RapidFuzz's `token_set_ratio`, scaled to [0, 1], over words given as scalar sequences.
///
/// With the distinct words split into those both sides share (`sect`) and those only one side has
/// (`ab`, `ba`), each joined in sorted order by single spaces: 1 when the sides share a word and one
/// side has no other; otherwise the best of the Indel similarity of `ab` and `ba` (relative to the
/// lengths of `sect + ab` and `sect + ba`) and, when `sect` is not empty, of `sect` with either side.
enum TokenSetSimilarity {
    /// Lengths of the joined word groups of one comparison.
    struct Lengths {
        var shared: Int
        var onlyFirst: Int
        var onlySecond: Int

        private var sharedPlusSeparator: Int { shared + (shared > 0 ? 1 : 0) }
        private var total: Int { 2 * sharedPlusSeparator + onlyFirst + onlySecond }

        /// The similarity when the two unshared groups are `indel` apart.
        func similarity(indel: Int) -> Double {
            var best = 1 - Double(indel) / Double(total)
            if shared > 0 {
                best = max(best, 1 - Double(1 + onlyFirst) / Double(shared + sharedPlusSeparator + onlyFirst))
                best = max(best, 1 - Double(1 + onlySecond) / Double(shared + sharedPlusSeparator + onlySecond))
            }
            return best
        }

        /// The most ``similarity(indel:)`` can be, since Indel is at least the difference in length.
        var bound: Double { similarity(indel: abs(onlyFirst - onlySecond)) }
    }

    /// The joined length of `words`: their lengths plus one separator between each two.
    static func joinedLength(_ lengths: some Sequence<Int>) -> Int {
        var total = 0
        var count = 0
        for length in lengths {
            total += length
            count += 1
        }
        return count == 0 ? 0 : total + count - 1
    }

    /// `words` sorted by code point and joined by single spaces.
    static func sortedJoined(_ words: [ArraySlice<UInt32>]) -> [UInt32] {
        let sorted = words.sorted { $0.lexicographicallyPrecedes($1) }
        var joined: [UInt32] = []
        for (index, word) in sorted.enumerated() {
            if index > 0 { joined.append(0x20) }
            joined.append(contentsOf: word)
        }
        return joined
    }

    /// The similarity of two word lists; 0 when either is empty.
    static func similarity(_ first: [ArraySlice<UInt32>], _ second: [ArraySlice<UInt32>]) -> Double {
        let a = Set(first), b = Set(second)
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let shared = a.intersection(b), onlyFirst = Array(a.subtracting(b)), onlySecond = Array(b.subtracting(a))
        if !shared.isEmpty, onlyFirst.isEmpty || onlySecond.isEmpty { return 1 }
        let lengths = Lengths(
            shared: joinedLength(shared.map(\.count)), onlyFirst: joinedLength(onlyFirst.map(\.count)),
            onlySecond: joinedLength(onlySecond.map(\.count))
        )
        return lengths.similarity(indel: EditDistance.indel(sortedJoined(onlyFirst), sortedJoined(onlySecond)))
    }
}
