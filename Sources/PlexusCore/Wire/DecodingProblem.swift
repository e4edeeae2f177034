/// A `DecodingError` in the terms of whoever sent the JSON: a short code, the path of the
/// offending field (`sections[0].scores[2].key`), and what was expected there. For text that is
/// not JSON at all, the line and column of the first syntax problem when the source is given.
public struct DecodingProblem: Sendable, Equatable, CustomStringConvertible {
    /// `invalid_type`, `missing_value`, `missing_field`, `malformed_json` or `invalid_value`.
    public let code: String
    /// The path of the offending field; `nil` for the document as a whole.
    public let field: String?
    /// What is wrong and what was expected.
    public let message: String

    /// Describes `error`, which came from decoding `source` (when given, a malformed document's
    /// message says where the first syntax problem is).
    public init(_ error: DecodingError, source: [UInt8]? = nil) {
        switch error {
        case .typeMismatch(let type, let context):
            self.init(code: "invalid_type", codingPath: context.codingPath, message: "Expected \(Self.describe(type)).")
        case .valueNotFound(let type, let context):
            self.init(code: "missing_value", codingPath: context.codingPath, message: "Expected \(Self.describe(type)), not null.")
        case .keyNotFound(let key, let context):
            self.init(code: "missing_field", codingPath: context.codingPath + [key], message: "The field '\(key.stringValue)' is required.")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            switch source.map({ JSONSyntaxError.find(in: $0) }) {
            case .some(.none) where source.flatMap(Self.firstInvalidUTF8) != nil:
                let offset = source.flatMap(Self.firstInvalidUTF8) ?? 0
                self.init(
                    code: "malformed_json", codingPath: [],
                    message: "The body is not valid UTF-8: byte \(offset) (counting from 0) starts no character. Send JSON text encoded as UTF-8.")
            case .some(.none):
                // Valid JSON the decoder still could not read (it says only "not valid JSON").
                self.init(code: "invalid_value", codingPath: [], message: """
                    The body is valid JSON but could not be read: a number may be too large for its field (whole numbers \
                    must fit in 64 bits), or a \\u escape may name no character.
                    """)
            case .some(.some(let problem)):
                self.init(code: "malformed_json", codingPath: [], message: "The text is not valid JSON. At \(problem).")
            case .none:
                self.init(code: "malformed_json", codingPath: [], message: "The text is not valid JSON.")
            }
        case .dataCorrupted(let context):
            self.init(code: "invalid_value", codingPath: context.codingPath, message: context.debugDescription)
        @unknown default:
            self.init(code: "invalid_value", codingPath: [], message: "The JSON could not be read: \(error).")
        }
    }

    private init(code: String, codingPath: [any CodingKey], message: String) {
        self.code = code
        field = codingPath.isEmpty ? nil : FieldPath.text(codingPath)
        self.message = message
    }

    /// The message, prefixed by the field when there is one.
    public var description: String { field.map { "\($0): \(message)" } ?? message }

    /// The offset of the first byte of `bytes` that is not part of a valid UTF-8 sequence, or nil.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Double.Type, is Float.Type: return "a number"
        case is Int.Type, is Int64.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "an array" : name.hasPrefix("Dictionary") ? "an object" : "a value of type \(name)"
        }
    }
}
