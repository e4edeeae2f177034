/// Where and why a text is not valid JSON (RFC 8259), for messages that point at the problem:
/// Foundation's decoder on Linux only says that the data is not valid JSON.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line of the first problem.
    public let line: Int
    /// The 1-based column (in bytes) of the first problem.
    public let column: Int
    /// What was expected there.
    public let message: String

    /// `line 3, column 5: expected ',' or '}' after a member`.
    public var description: String { "line \(line), column \(column): \(message)" }

    /// The first syntax problem in `bytes`, or `nil` when they are one valid JSON value.
    public static func find(in bytes: some Collection<UInt8>) -> JSONSyntaxError? {
        var scanner = Scanner(bytes: Array(bytes))
        do throws(JSONSyntaxError) {
            scanner.skipWhitespace()
            try scanner.value(depth: 0)
            scanner.skipWhitespace()
            guard scanner.atEnd else { throw scanner.problem("expected the end of the document after the value") }
            return nil
        } catch {
            return error
        }
    }

    /// A recursive-descent reader that only checks syntax; nesting is bounded so hostile input cannot exhaust the stack.
    private struct Scanner {
        static let maximumDepth = 512

        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index >= bytes.count }
        var current: UInt8? { atEnd ? nil : bytes[index] }

        func problem(_ message: String) -> JSONSyntaxError {
            var line = 1
            var lineStart = 0
            for position in 0..<min(index, bytes.count) where bytes[position] == UInt8(ascii: "\n") {
                line += 1
                lineStart = position + 1
            }
            let found = current.map { $0 >= 0x20 && $0 < 0x7F ? " but found '\(Character(UnicodeScalar($0)))'" : "" } ?? " but the text ended"
            return JSONSyntaxError(line: line, column: index - lineStart + 1, message: message + found)
        }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        mutating func value(depth: Int) throws(JSONSyntaxError) {
            guard depth < Self.maximumDepth else { throw problem("nesting deeper than \(Self.maximumDepth) levels") }
            switch current {
            case UInt8(ascii: "{"): try object(depth: depth)
            case UInt8(ascii: "["): try array(depth: depth)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case let byte? where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte): try number()
            default: throw problem("expected a value (an object, array, string, number, true, false or null)")
            }
        }

        mutating func object(depth: Int) throws(JSONSyntaxError) {
            index += 1
            skipWhitespace()
            if current == UInt8(ascii: "}") { index += 1; return }
            while true {
                guard current == UInt8(ascii: "\"") else { throw problem("expected a member name in double quotes") }
                try string()
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw problem("expected ':' after the member name") }
                index += 1
                skipWhitespace()
                try value(depth: depth + 1)
                skipWhitespace()
                if current == UInt8(ascii: "}") { index += 1; return }
                guard current == UInt8(ascii: ",") else { throw problem("expected ',' or '}' after a member") }
                index += 1
                skipWhitespace()
            }
        }

        mutating func array(depth: Int) throws(JSONSyntaxError) {
            index += 1
            skipWhitespace()
            if current == UInt8(ascii: "]") { index += 1; return }
            while true {
                try value(depth: depth + 1)
                skipWhitespace()
                if current == UInt8(ascii: "]") { index += 1; return }
                guard current == UInt8(ascii: ",") else { throw problem("expected ',' or ']' after an element") }
                index += 1
                skipWhitespace()
            }
        }

        mutating func string() throws(JSONSyntaxError) {
            index += 1
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return
                case UInt8(ascii: "\\"):
                    index += 1
                    guard let escaped = current, Array("\"\\/bfnrtu".utf8).contains(escaped) else { throw problem("expected an escape such as \\n or \\u0041") }
                    index += 1
                    if escaped == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            guard let digit = current, digit.isHexDigit else { throw problem("expected four hex digits after \\u") }
                            index += 1
                        }
                    }
                case 0..<0x20: throw problem("a control character inside a string must be escaped")
                default: index += 1
                }
            }
            throw problem("expected the closing '\"' of the string")
        }

        mutating func literal(_ word: String) throws(JSONSyntaxError) {
            for expected in word.utf8 {
                guard current == expected else { throw problem("expected '\(word)'") }
                index += 1
            }
        }

        mutating func number() throws(JSONSyntaxError) {
            if current == UInt8(ascii: "-") { index += 1 }
            guard try digits() > 0 else { throw problem("expected a digit") }
            if current == UInt8(ascii: ".") {
                index += 1
                guard try digits() > 0 else { throw problem("expected a digit after the decimal point") }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard try digits() > 0 else { throw problem("expected a digit in the exponent") }
            }
        }

        mutating func digits() throws(JSONSyntaxError) -> Int {
            let start = index
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            return index - start
        }
    }
}

private extension UInt8 {
    var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
