import AsyncHTTPClient
import Foundation
import NIOCore

extension ChatCompletionsClient {
    /// Posts one request and maps the outcome to a response or an ``LLMError``.
    func post(_ data: Data) async throws -> ChatResponse {
        var request = HTTPClientRequest(url: configuration.completionsURL)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let key = configuration.apiKey { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        request.body = .bytes(ByteBuffer(bytes: data))
        let status: Int
        let retryAfter: String?
        let body: ByteBuffer
        do {
            let response = try await httpClient.execute(request, timeout: timeAmount(configuration.timeout))
            status = Int(response.status.code)
            retryAfter = response.headers.first(name: "Retry-After")
            body = try await response.body.collect(upTo: 16 << 20)
        } catch let error as HTTPClientError where [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error) {
            throw LLMError.timedOut(after: configuration.timeout)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw LLMError.transport("\(error) (\(configuration.completionsURL))")
        }
        let text = String(buffer: body)
        switch status {
        case 200..<300: return try ChatResponse.decode(wire: Data(text.utf8))
        case 429: throw LLMError.rateLimited(retryAfter: retryAfter.flatMap { RetryBackoff.parseRetryAfter($0) })
        case 500...: throw LLMError.serverError(status: status, body: text)
        default: throw LLMError.rejected(status: status, body: text)
        }
    }

    private func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

extension LLMError {
    /// The server's Retry-After, for 429 answers that gave one.
    var retryAfter: Duration? {
        if case .rateLimited(let wait) = self { return wait }
        return nil
    }
}
