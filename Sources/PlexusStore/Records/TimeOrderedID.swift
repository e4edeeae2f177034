import Foundation

/// UUID version 7 strings: 48 bits of Unix milliseconds followed by 74 random bits.
///
/// IDs made close in time sort close together, so inserts land at the right edge of the
/// primary-key index instead of at random pages, which keeps bulk ingest fast as tables grow.
enum TimeOrderedID {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `count` IDs for the same millisecond. The random bits come from a generator seeded once from
    /// the system's (a system call per ID was a measurable share of ingest time).
    static func make(count: Int, at date: Date = Date()) -> [String] {
        var system = SystemRandomNumberGenerator()
        var random = SplitMix64(seed: system.next())
        let millis = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        return (0..<count).map { _ in format(millis: millis, high: random.next(), low: random.next()) }
    }

    private static func format(millis: UInt64, high: UInt64, low: UInt64) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: millis >> (8 * (5 - index))) }
        for index in 6..<8 { bytes[index] = UInt8(truncatingIfNeeded: high >> (8 * (index - 6))) }
        for index in 8..<16 { bytes[index] = UInt8(truncatingIfNeeded: low >> (8 * (index - 8))) }
        bytes[6] = (bytes[6] & 0x0F) | 0x70  // version 7
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return String(unsafeUninitializedCapacity: 36) { text in
            var position = 0
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    text[position] = UInt8(ascii: "-")
                    position += 1
                }
                text[position] = hexDigits[Int(byte >> 4)]
                text[position + 1] = hexDigits[Int(byte & 0x0F)]
                position += 2
            }
            return position
        }
    }
}

/// Steele, Lea and Flood's SplitMix64: a small, fast generator, here seeded from the system's.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
