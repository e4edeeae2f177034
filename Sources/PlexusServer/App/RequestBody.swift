import Foundation
import Hummingbird
import NIOCore
import PlexusCore

/// Reads and decodes JSON request bodies with the configured size limit and read timeout.
struct RequestBody: Sendable {
    /// The largest body accepted, in bytes.
    let limit: Int
    /// How long the whole body may take to arrive; a client that stalls longer gets a 408.
    var timeout: Duration = ConnectionTimeouts().requestBody

    func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        try await decode(type, from: request, orIfEmpty: nil)
    }

    /// Decodes the body, or returns `empty` when there is none (for bodies whose fields are all optional).
    func decode<T: Decodable>(_ type: T.Type, from request: Request, orIfEmpty empty: T?) async throws -> T {
        let buffer = try await collect(request)
        guard buffer.readableBytes > 0 else {
            if let empty { return empty }
            throw APIError(status: .badRequest, code: "malformed_json", message: "The request body is empty; send a JSON object.")
        }
        let data = Data(buffer: buffer)
        if Self.containsNULEscape(data) {
            let field = (try? PlexusJSON.decoder().decode(JSONValue.self, from: data)).flatMap { Self.pathToNUL(in: $0) }
            throw APIError(
                status: .badRequest, code: "invalid_value",
                message: "Text may not contain the NUL character (\\u0000), which neither SQLite nor PostgreSQL can store; remove it.",
                field: field.map { $0.isEmpty ? "body" : $0 } ?? "body")
        }
        if let readable = T.self as? any FastJSONReadable.Type,
           let value = data.withUnsafeBytes({ readable.read(json: $0) }) as? T {
            return value
        }
        do {
            return try PlexusJSON.decoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            // Only a malformed document is scanned again, to say where its first syntax problem is.
            let problem = DecodingProblem(error, source: Array(data))
            throw APIError(status: .badRequest, code: problem.code, message: problem.message, field: problem.field)
        }
    }

    /// Whether the JSON text holds the escape `\u0000` outside another escape (a raw NUL byte
    /// is no valid JSON and is refused by the decoder anyway).
    static func containsNULEscape(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let (backslash, zero) = (UInt8(ascii: "\\"), UInt8(ascii: "0"))
            var index = 0
            while index + 1 < bytes.count {
                guard bytes[index] == backslash else {
                    index += 1
                    continue
                }
                if bytes[index + 1] == UInt8(ascii: "u"), index + 5 < bytes.count,
                   bytes[index + 2] == zero, bytes[index + 3] == zero, bytes[index + 4] == zero, bytes[index + 5] == zero {
                    return true
                }
                index += 2  // the escaped character, so `\\u0000` (a backslash, then text) does not count
            }
            return false
        }
    }

    /// Where in `value` the first string (or object key) holding U+0000 is, as `a.b[2].c`.
    private static func pathToNUL(in value: JSONValue, path: String = "") -> String? {
        switch value {
        case .string(let text): return text.contains("\u{0}") ? path : nil
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let found = pathToNUL(in: element, path: "\(path)[\(index)]") { return found }
            }
            return nil
        case .object(let members):
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                let next = path.isEmpty ? key : "\(path).\(key)"
                if key.contains("\u{0}") { return next }
                if let found = pathToNUL(in: member, path: next) { return found }
            }
            return nil
        default: return nil
        }
    }

    /// The whole body, or a 413 past the size limit, or a 408 when it stalls past the timeout.
    func collect(_ request: Request) async throws -> ByteBuffer {
        let (limit, timeout) = (limit, timeout)
        return try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
            group.addTask {
                var request = request
                do {
                    return try await request.collectBody(upTo: limit)
                } catch is NIOTooManyBytesError {
                    throw APIError.tooLarge(limit: limit)
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw APIError(status: .requestTimeout, code: "request_timeout",
                               message: "The request body did not arrive within \(timeout); send it at once, or in smaller requests.")
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}
