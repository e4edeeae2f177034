/// A request body type with a hand-written reader for its common shape, tried before
/// `JSONDecoder` on hot routes.
///
/// The reader returns nil for anything it is not sure of (malformed JSON, a wrong type, a
/// duplicate key, an unusual number or date), and the caller then decodes with `JSONDecoder` as
/// usual, so every accepted body means exactly what `JSONDecoder` would make of it and every
/// refusal keeps `JSONDecoder`'s error.
public protocol FastJSONReadable {
    /// The value in `json`, or nil when `JSONDecoder` should decide.
    static func read(json: UnsafeRawBufferPointer) -> Self?
}

/// Reads JSON values straight from UTF-8 bytes, strictly (RFC 8259), throwing ``Unreadable`` at
/// the first byte it does not accept.
///
/// Its diagnostic counterpart is ``JSONSyntaxError/find(in:)``, which says where a malformed
/// document goes wrong; this one builds values on the hot path and gives up without a word.
public struct JSONScanner {
    /// The input is not JSON this scanner reads; decode it with `JSONDecoder` instead.
    public struct Unreadable: Error {}

    /// How deep arrays and objects may nest before the scanner gives up.
    static let maximumDepth = 64

    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    /// A scanner at the start of `bytes`.
    public init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Skips spaces, tabs and line breaks.
    public mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Whether only whitespace is left.
    public mutating func isAtEnd() -> Bool {
        skipWhitespace()
        return position == bytes.count
    }

    /// Consumes `byte` after any whitespace, or throws.
    public mutating func expect(_ byte: UInt8) throws(Unreadable) {
        guard consume(byte) else { throw Unreadable() }
    }

    /// Consumes `byte` after any whitespace when it comes next.
    public mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Consumes `null` when it comes next.
    public mutating func consumeNull() -> Bool {
        skipWhitespace()
        guard position + 4 <= bytes.count, bytes[position] == UInt8(ascii: "n"), bytes[position + 1] == UInt8(ascii: "u"),
              bytes[position + 2] == UInt8(ascii: "l"), bytes[position + 3] == UInt8(ascii: "l") else { return false }
        position += 4
        return true
    }

    /// Reads the members of an object, calling `member` with each key; `member` must read the
    /// value, and should refuse a key it has seen before (decoders disagree on which one wins).
    public mutating func readObject(_ member: (inout JSONScanner, String) throws(Unreadable) -> Void) throws(Unreadable) {
        try expect(UInt8(ascii: "{"))
        if consume(UInt8(ascii: "}")) { return }
        repeat {
            let key = try readString()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    /// Reads the elements of an array, calling `element` for each; `element` must read the value.
    public mutating func readArray(_ element: (inout JSONScanner) throws(Unreadable) -> Void) throws(Unreadable) {
        try expect(UInt8(ascii: "["))
        if consume(UInt8(ascii: "]")) { return }
        repeat {
            try element(&self)
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
    }

    /// Reads a string, or null as nil.
    public mutating func readOptionalString() throws(Unreadable) -> String? {
        consumeNull() ? nil : try readString()
    }

    /// Reads a number, or null as nil.
    public mutating func readOptionalDouble() throws(Unreadable) -> Double? {
        consumeNull() ? nil : try readDouble()
    }

    /// Reads a string: valid UTF-8, no raw control characters, escapes decoded.
    public mutating func readString() throws(Unreadable) -> String {
        try expect(UInt8(ascii: "\""))
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                defer { position += 1 }
                return try Self.text(UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
            }
            if byte == UInt8(ascii: "\\") { return try readEscapedString(from: start) }
            guard byte >= 0x20 else { throw Unreadable() }
            position += 1
        }
        throw Unreadable()
    }

    /// The rest of a string that holds escapes, from its first byte at `start`.
    private mutating func readEscapedString(from start: Int) throws(Unreadable) -> String {
        var utf8 = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: utf8, as: UTF8.self) else { throw Unreadable() }
                return text
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw Unreadable() }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: try readUnicodeEscape())
                default: throw Unreadable()
                }
            default:
                guard byte >= 0x20 else { throw Unreadable() }
                utf8.append(byte)
            }
        }
        throw Unreadable()
    }

    /// The UTF-8 of a `\uXXXX` escape (after the `u`), joining a surrogate pair; a lone surrogate is refused.
    private mutating func readUnicodeEscape() throws(Unreadable) -> [UInt8] {
        var scalar = try readHex4()
        if (0xD800...0xDBFF).contains(scalar) {
            guard position + 2 <= bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                throw Unreadable()
            }
            position += 2
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw Unreadable() }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw Unreadable() }
        return Array(String(Character(unicode)).utf8)
    }

    private mutating func readHex4() throws(Unreadable) -> UInt32 {
        guard position + 4 <= bytes.count else { throw Unreadable() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            position += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Unreadable()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func text(_ utf8: UnsafeRawBufferPointer) throws(Unreadable) -> String {
        guard let text = String(validating: utf8.bindMemory(to: UInt8.self), as: UTF8.self) else { throw Unreadable() }
        return text
    }

    /// Reads a number in JSON's grammar as the nearest `Double`; one too large for a `Double` is refused.
    public mutating func readDouble() throws(Unreadable) -> Double {
        let (text, _) = try readNumberText()
        guard let value = Double(text), value.isFinite else { throw Unreadable() }
        return value
    }

    /// Reads a number written as a plain integer (no fraction, no exponent, not `-0`) that fits an `Int`.
    public mutating func readInteger() throws(Unreadable) -> Int {
        let (text, isInteger) = try readNumberText()
        guard isInteger, text != "-0", let value = Int(text) else { throw Unreadable() }
        return value
    }

    /// The text of a number, checked against JSON's grammar, and whether it is a plain integer.
    private mutating func readNumberText() throws(Unreadable) -> (String, isInteger: Bool) {
        skipWhitespace()
        let start = position
        var isInteger = true
        _ = consumeRaw(UInt8(ascii: "-"))
        if !consumeRaw(UInt8(ascii: "0")) {
            guard consumeDigits() else { throw Unreadable() }
        }
        if consumeRaw(UInt8(ascii: ".")) {
            isInteger = false
            guard consumeDigits() else { throw Unreadable() }
        }
        if consumeRaw(UInt8(ascii: "e")) || consumeRaw(UInt8(ascii: "E")) {
            isInteger = false
            _ = consumeRaw(UInt8(ascii: "+")) || consumeRaw(UInt8(ascii: "-"))
            guard consumeDigits() else { throw Unreadable() }
        }
        return (String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self), isInteger)
    }

    private mutating func consumeRaw(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Consumes one or more digits.
    private mutating func consumeDigits() -> Bool {
        let start = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
        return position > start
    }

    /// Reads any JSON value, or null as nil.
    public mutating func readOptionalValue() throws(Unreadable) -> JSONValue? {
        if consumeNull() { return Optional<JSONValue>.none }  // a bare `nil` would be JSONValue.null
        return try readValue(depth: 0)
    }

    /// Reads any JSON value.
    public mutating func readValue(depth: Int = 0) throws(Unreadable) -> JSONValue {
        guard depth < Self.maximumDepth else { throw Unreadable() }
        skipWhitespace()
        guard position < bytes.count else { throw Unreadable() }
        switch bytes[position] {
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "{"):
            var object: [String: JSONValue] = [:]
            try readObject { scanner, key throws(Unreadable) in
                guard object.updateValue(try scanner.readValue(depth: depth + 1), forKey: key) == nil else { throw Unreadable() }
            }
            return .object(object)
        case UInt8(ascii: "["):
            var array: [JSONValue] = []
            try readArray { scanner throws(Unreadable) in array.append(try scanner.readValue(depth: depth + 1)) }
            return .array(array)
        case UInt8(ascii: "t"): return try readWord("true", .bool(true))
        case UInt8(ascii: "f"): return try readWord("false", .bool(false))
        case UInt8(ascii: "n"): return try readWord("null", .null)
        default: return .number(try readDouble())
        }
    }

    private mutating func readWord(_ word: StaticString, _ value: JSONValue) throws(Unreadable) -> JSONValue {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw Unreadable() }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { throw Unreadable() }
        position += count
        return value
    }
}
