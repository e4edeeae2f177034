/// The tokens of one text as UTF-8, each followed by a single space, with where each starts and
/// ends; reused from text to text so tokenizing allocates nothing once it has grown.
struct TokenBuffer: Sendable {
    /// The token bytes: `token1 token2 ... `.
    private(set) var bytes: [UInt8] = []
    /// Byte offset of each token's first byte.
    private(set) var starts: [Int] = []
    /// Byte offset just past each token's last byte (the following space).
    private(set) var ends: [Int] = []

    /// The number of tokens.
    var count: Int { starts.count }

    /// Forgets every token, keeping the capacity.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    /// Appends `source[from..<to]` lowercased as a token if it is at least two bytes long (ASCII only).
    mutating func appendLowercasedASCII(_ source: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
        guard to - from >= 2 else { return }
        starts.append(bytes.count)
        for index in from..<to {
            let byte = source[index]
            bytes.append(byte &- 65 < 26 ? byte | 0x20 : byte)
        }
        ends.append(bytes.count)
        bytes.append(0x20)
    }

    /// Starts a token whose scalars follow through ``append(_:)``.
    mutating func beginToken() {
        starts.append(bytes.count)
    }

    /// Appends one scalar of the current token.
    mutating func append(_ scalar: Unicode.Scalar) {
        bytes.append(contentsOf: scalar.utf8)
    }

    /// Ends the current token, dropping it if it has fewer than two characters.
    mutating func endToken(characters: Int) {
        guard let start = starts.last else { return }
        if characters < 2 {
            starts.removeLast()
            bytes.removeSubrange(start...)
            return
        }
        ends.append(bytes.count)
        bytes.append(0x20)
    }
}
