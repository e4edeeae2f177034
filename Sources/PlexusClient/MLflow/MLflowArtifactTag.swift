import Foundation

/// The fallback for an artifact the server cannot store as a file: a tag
/// `plexus.artifact.<path>` holding the contents, as text when they are UTF-8 and as `base64:`
/// followed by Base64 otherwise. Only small artifacts fit: a value over the tag limit is cut and
/// ends with `…[truncated: N bytes]`, N being the artifact's full size.
struct MLflowArtifactTag: Sendable, Hashable {
    /// The prefix of every fallback tag's key.
    static let keyPrefix = "plexus.artifact."

    /// The tag to log.
    var tag: MLflowKeyValue
    /// Why the contents were cut, when they were.
    var note: String?

    /// The tag for `artifact`, its value at most `maxLength` code points long.
    init(artifact: MLflowArtifact, maxLength: Int) {
        // MLflow tag keys may hold only letters, digits, `_`, `-`, `.`, ` `, `/` (and `:`).
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./ ".unicodeScalars)
        let name = String(String.UnicodeScalarView(artifact.path.unicodeScalars.map { allowed.contains($0) ? $0 : "_" }))
        let full = String(data: artifact.data, encoding: .utf8) ?? "base64:" + artifact.data.base64EncodedString()
        let length = full.unicodeScalars.count
        if length > maxLength {
            let marker = "…[truncated: \(artifact.data.count) bytes]"
            let kept = MLflowBatchPlan.split(full, maxLength: max(1, maxLength - marker.unicodeScalars.count))[0]
            tag = MLflowKeyValue(key: Self.keyPrefix + name, value: kept + marker)
            note = "Artifact '\(artifact.path)' (\(artifact.data.count) bytes) is stored as tag '\(tag.key)' cut to \(maxLength) characters; the server cannot store files."
        } else {
            tag = MLflowKeyValue(key: Self.keyPrefix + name, value: full)
            note = nil
        }
    }
}
