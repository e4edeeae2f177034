/// Percent-encoding for path segments and query values, leaving only RFC 3986 unreserved
/// characters as they are, so keys, cursors and dates arrive exactly as sent ('+' included).
enum URLEncoding {
    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

    /// `text` with every byte outside the unreserved set written as `%XX`.
    static func encode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }

    /// `root` and `path` segments and `query` pairs appended to `base`.
    static func url(base: String, root: [String] = APIRequest.versionedRoot, path: [String], query: [(name: String, value: String)]) -> String {
        var url = base + "/" + (root + path).map(encode).joined(separator: "/")
        if !query.isEmpty {
            url += "?" + query.map { "\(encode($0.name))=\(encode($0.value))" }.joined(separator: "&")
        }
        return url
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
