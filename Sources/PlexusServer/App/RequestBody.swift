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
        do {
            return try PlexusJSON.decoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            // Only a malformed document is scanned again, to say where its first syntax problem is.
            let problem = DecodingProblem(error, source: Array(data))
            throw APIError(status: .badRequest, code: problem.code, message: problem.message, field: problem.field)
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
