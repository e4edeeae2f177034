import Foundation

/// UUID version 7 strings: 48 bits of Unix milliseconds followed by random bits.
///
/// IDs made close in time sort close together, so inserts land at the right edge of the
/// primary-key index instead of at random pages, which keeps bulk ingest fast as tables grow.
enum TimeOrderedID {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func make(at date: Date = Date()) -> String {
        // One random UUID supplies the random bits with a single call to the system's generator.
        var bytes = UUID().uuid
        let millis = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        return withUnsafeMutableBytes(of: &bytes) { raw in
            for index in 0..<6 { raw[index] = UInt8(truncatingIfNeeded: millis >> (8 * (5 - index))) }
            raw[6] = (raw[6] & 0x0F) | 0x70  // version 7
            raw[8] = (raw[8] & 0x3F) | 0x80  // RFC 4122 variant
            return String(unsafeUninitializedCapacity: 36) { text in
                var position = 0
                for (index, byte) in raw.enumerated() {
                    if [4, 6, 8, 10].contains(index) {
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
}
