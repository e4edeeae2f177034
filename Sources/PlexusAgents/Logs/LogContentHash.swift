import Crypto
import Foundation
import PlexusCore

/// Hashes of logged content: a record's canonical hash, for deduplication, and salted text
/// hashes, for projects that keep no text.
public enum LogContentHash {
    /// The lowercase hex SHA-256 of `record` encoded as JSON with sorted keys.
    public static func of(_ record: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(record)) ?? Data()
        return hex(SHA256.hash(data: data))
    }

    /// The lowercase hex SHA-256 of `salt` followed by `text`.
    public static func salted(_ text: String, salt: String) -> String {
        hex(SHA256.hash(data: Data((salt + text).utf8)))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
