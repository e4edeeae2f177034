import Foundation
import Hummingbird
import PlexusCore

/// Builds JSON responses with the API's encoding conventions.
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data: Data
        do {
            data = try PlexusJSON.encoder().encode(value)
        } catch {
            // Our own response types always encode; this guards against a non-finite number slipping in.
            return Response(status: .internalServerError, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: #"{"error":{"code":"internal_error","message":"The response could not be encoded.","field":null}}"#)))
        }
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
