import AsyncHTTPClient
import Foundation

/// Sends requests to one MLflow server and maps its error answers to ``MLflowError``. MLflow
/// reports errors as `{"error_code", "message"}`; its artifact proxy (FastAPI) as `{"detail"}`.
struct MLflowTransport: Sendable {
    /// The largest answer read: run data and downloaded test artifacts are far smaller.
    private static let maximumResponseBytes = 256 * 1024 * 1024

    let httpClient: HTTPClient
    /// The tracking URI without a trailing slash.
    let baseURL: String
    let timeout: Duration

    /// A JSON encoder that writes non-finite metric values the way MLflow's protobuf parser reads them.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// A JSON decoder that reads MLflow's `"NaN"` and infinities back.
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }

    /// `GET /api/2.0/mlflow/<endpoint>?<query>`, decoded as `Response`.
    func get<Response: Decodable>(_ endpoint: String, query: [(String, String)], as type: Response.Type) async throws(MLflowError) -> Response {
        let url = "\(baseURL)/api/2.0/mlflow/\(endpoint)?" + query.map { "\(URLEncoding.encode($0.0))=\(URLEncoding.encode($0.1))" }.joined(separator: "&")
        return try decode(Response.self, from: try await send("GET", url: url, body: nil, contentType: nil), endpoint: endpoint)
    }

    /// `POST /api/2.0/mlflow/<endpoint>` with `body` as JSON, decoded as `Response`.
    func post<Response: Decodable>(_ endpoint: String, body: some Encodable, as type: Response.Type) async throws(MLflowError) -> Response {
        let data: Data
        do {
            data = try Self.encoder().encode(body)
        } catch {
            throw .invalid(field: endpoint, message: "The request cannot be encoded as JSON: \(error).")
        }
        return try decode(Response.self, from: try await send("POST", url: "\(baseURL)/api/2.0/mlflow/\(endpoint)", body: data, contentType: "application/json"), endpoint: endpoint)
    }

    /// Sends one request and returns the body of a 2xx answer.
    func send(_ method: String, url: String, body: Data?, contentType: String?) async throws(MLflowError) -> Data {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        request.headers.add(name: "Accept", value: "application/json")
        if let body {
            request.headers.add(name: "Content-Type", value: contentType ?? "application/octet-stream")
            request.body = .bytes(body)
        }
        let status: Int
        let data: Data
        do {
            let response = try await httpClient.execute(request, timeout: .nanoseconds(timeout.nanoseconds))
            status = Int(response.status.code)
            data = Data(try await response.body.collect(upTo: Self.maximumResponseBytes).readableBytesView)
        } catch {
            throw .unreachable(url: url, message: String(describing: error))
        }
        guard (200..<300).contains(status) else {
            throw Self.error(endpoint: "\(method) \(url.dropFirst(baseURL.count))", status: status, body: data)
        }
        return data
    }

    private func decode<Response: Decodable>(_ type: Response.Type, from data: Data, endpoint: String) throws(MLflowError) -> Response {
        do {
            return try Self.decoder().decode(Response.self, from: data)
        } catch {
            throw .unexpectedResponse(endpoint: endpoint, message: "expected \(Response.self): \(error)")
        }
    }

    /// The error an answer with `status` and `body` stands for, keeping MLflow's own code and message.
    static func error(endpoint: String, status: Int, body: Data) -> MLflowError {
        if let answer = try? JSONDecoder().decode(ErrorAnswer.self, from: body), let message = answer.message ?? answer.detail {
            return .server(endpoint: endpoint, status: status, errorCode: answer.errorCode ?? "HTTP_\(status)", message: message)
        }
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        return .server(endpoint: endpoint, status: status, errorCode: "HTTP_\(status)", message: text.isEmpty ? "The answer had no body." : text)
    }

    private struct ErrorAnswer: Decodable {
        var errorCode: String?
        var message: String?
        var detail: String?

        enum CodingKeys: String, CodingKey {
            case errorCode = "error_code", message, detail
        }
    }
}
