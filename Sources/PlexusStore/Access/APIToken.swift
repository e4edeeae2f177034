import Crypto
import Foundation

/// API keys: long random tokens, of which the store keeps only the SHA-256.
///
/// A fast hash is right here (unlike for passwords): the token has 256 bits of entropy, so there
/// is nothing to brute-force, and each request's lookup costs microseconds.
public enum APIToken {
    /// A new random token such as `plx_3f9a…` (64 hex digits after the prefix).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return "plx_" + hex(bytes)
    }

    /// The hex SHA-256 of a token, as stored.
    public static func hash(_ token: String) -> String {
        hex(Array(SHA256.hash(data: Data(token.utf8))))
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
