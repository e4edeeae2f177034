/// For each scalar, the bit mask of the positions where it occurs in a pattern of at most 64
/// scalars: the lookup table of the bit-parallel edit-distance algorithms.
struct PatternMasks: Sendable {
    private var ascii = [UInt64](repeating: 0, count: 128)
    private var other: [UInt32: UInt64] = [:]

    /// Builds the masks of `pattern`, which must have at most 64 scalars.
    init<Pattern: Collection>(_ pattern: Pattern) where Pattern.Element == UInt32 {
        precondition(pattern.count <= 64, "bit-parallel patterns hold at most 64 scalars")
        for (position, scalar) in pattern.enumerated() {
            let bit = UInt64(1) << UInt64(position)
            if scalar < 128 { ascii[Int(scalar)] |= bit } else { other[scalar, default: 0] |= bit }
        }
    }

    /// The positions of `scalar` in the pattern.
    @inline(__always)
    func mask(_ scalar: UInt32) -> UInt64 {
        scalar < 128 ? ascii[Int(scalar)] : (other[scalar] ?? 0)
    }
}
