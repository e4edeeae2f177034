import Foundation
import Hummingbird
import NIOCore
import PlexusCore

/// Reads and decodes JSON request bodies with the configured size limit.
struct RequestBody: Sendable {
    /// The largest body accepted, in bytes.
    let limit: Int

    func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError.tooLarge(limit: limit)
        }
        guard buffer.readableBytes > 0 else {
            throw APIError(status: .badRequest, code: "malformed_json", message: "The request body is empty; send a JSON object.")
        }
        return try PlexusJSON.decoder().decode(T.self, from: Data(buffer: buffer))
    }
}
