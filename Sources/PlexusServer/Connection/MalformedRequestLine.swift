/// Says what is wrong with a request line that did not parse as HTTP/1.1, in terms a caller can act
/// on: which part of the URL holds the character HTTP does not allow, and how to encode it.
///
/// HTTP/1.1 allows only visible ASCII in a request target, so a space, a control character or a raw
/// UTF-8 byte (a client that forgot to percent-encode `é` or `…`) makes the parser give up before
/// any route sees the request.
struct MalformedRequestLine: Sendable, Equatable {
    /// What the caller should be told.
    let message: String
    /// The query parameter holding the bad byte, when it is in the query.
    let field: String?

    /// The most bytes of a request line quoted in a message.
    static let quotedLength = 200

    /// Explains `bytes`, the first bytes the client sent; `nil` when the request line looks valid
    /// (the problem is then elsewhere, e.g. in a header).
    init?(bytes: [UInt8]) {
        let line = Array(bytes.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") })
        guard let firstSpace = line.firstIndex(of: UInt8(ascii: " ")) else { return nil }
        // The target runs to the last " HTTP/"; a raw space inside the target is one of the problems to find.
        let versionStart = Self.lastVersionMarker(in: line) ?? line.endIndex
        let target = Array(line[(firstSpace + 1)..<max(firstSpace + 1, versionStart)])
        guard let bad = target.firstIndex(where: { $0 <= 0x20 || $0 >= 0x7F }) else { return nil }
        let quoted = Self.percentEncoded(target.prefix(Self.quotedLength))
        let what = Self.describe(byte: target[bad], in: target, at: bad)
        if let queryStart = target.firstIndex(of: UInt8(ascii: "?")), bad > queryStart {
            let pairStart = target[..<bad].lastIndex { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "?") }.map { $0 + 1 } ?? queryStart + 1
            let pair = target[pairStart...].prefix { $0 != UInt8(ascii: "&") }
            let name = String(decoding: pair.prefix { $0 != UInt8(ascii: "=") }, as: UTF8.self)
            field = name
            message = "Query parameter '\(name)' holds \(what), which HTTP does not allow in a URL; percent-encode it "
                + "(the target, encoded, is \(quoted))."
        } else {
            field = nil
            message = "The URL path holds \(what), which HTTP does not allow in a URL; percent-encode it (the target, encoded, is \(quoted))."
        }
    }

    private static func lastVersionMarker(in line: [UInt8]) -> Int? {
        let marker = Array(" HTTP/".utf8)
        guard line.count >= marker.count else { return nil }
        return stride(from: line.count - marker.count, through: 0, by: -1).first { Array(line[$0..<($0 + marker.count)]) == marker }
    }

    private static func describe(byte: UInt8, in target: [UInt8], at index: Int) -> String {
        if byte == UInt8(ascii: " ") { return "a space (send %20)" }
        if byte < 0x20 || byte == 0x7F { return "a control character (send %\(hex(byte)))" }
        // A raw UTF-8 sequence: show the character and its encoding when it decodes.
        let sequence = target[index...].prefix { $0 >= 0x80 }.prefix(4)
        if let character = String(validating: Array(sequence), as: UTF8.self)?.first {
            let encoded = String(character).utf8.map { "%" + hex($0) }.joined()
            return "the raw character '\(character)' (send \(encoded))"
        }
        return "the raw byte 0x\(hex(byte)) (send %\(hex(byte)))"
    }

    private static func percentEncoded(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { $0 > 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)) : "%" + hex($0) }.joined()
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
