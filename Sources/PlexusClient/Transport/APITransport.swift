import AsyncHTTPClient
import Foundation
import NIOCore
import Logging
import PlexusCore
import Synchronization

/// Sends ``APIRequest``s to one Plexus server with one API key: adds the headers, maps error
/// answers to ``PlexusClientError`` and retries transient failures of retryable requests.
struct APITransport: Sendable {
    /// The largest answer read; a full page of score results with metadata is far smaller.
    private static let maximumResponseBytes = 64 * 1024 * 1024

    let httpClient: HTTPClient
    /// The server's base URL without a trailing slash, e.g. `http://127.0.0.1:8080`.
    let baseURL: String
    let apiKey: String
    let configuration: ClientConfiguration
    let stats: StatsRecorder
    /// Whether any request of this client has had an answer from the server yet.
    let contact: ServerContact

    /// The same transport with a different time limit per request.
    func withTimeout(_ timeout: Duration) -> APITransport {
        var configuration = configuration
        configuration.requestTimeout = timeout
        return APITransport(httpClient: httpClient, baseURL: baseURL, apiKey: apiKey, configuration: configuration, stats: stats, contact: contact)
    }

    /// Sends `request` and decodes the answer as `Response`.
    func send<Response: Decodable>(_ request: APIRequest, as type: Response.Type = Response.self) async throws -> Response {
        let data = try await perform(request)
        do {
            return try PlexusJSON.decoder().decode(Response.self, from: data)
        } catch {
            throw PlexusClientError.decoding(type: String(describing: Response.self), message: String(describing: error))
        }
    }

    /// Sends `request`, retrying transient failures as ``ClientConfiguration/retry`` says, and
    /// returns the body of the successful answer. A 429 or 503 that says `Retry-After` is retried
    /// no sooner than it asks (capped at the policy's longest wait, so a hostile answer cannot
    /// stall the client).
    func perform(_ request: APIRequest) async throws -> Data {
        var attempt = 1
        while true {
            let failure: AttemptFailure
            do {
                return try await attemptOnce(request)
            } catch {
                failure = error
            }
            guard request.isRetryable, failure.error.isTransient, attempt < configuration.retry.maxAttempts else { throw failure.error }
            // A server that has never answered is most likely not running: say so at once. One
            // that answered before is likely restarting, so its requests are retried as usual.
            if case .serverUnreachable = failure.error, !contact.hasAnswered { throw failure.error }
            attempt += 1
            try await pause(beforeAttempt: attempt, of: request, after: failure)
        }
    }

    /// Logs and counts a retry, then waits as the retry policy says, or as long as the server
    /// asked if that is longer.
    private func pause(beforeAttempt attempt: Int, of request: APIRequest, after failure: AttemptFailure) async throws {
        var random = SystemRandomNumberGenerator()
        var delay = configuration.retry.delay(beforeAttempt: attempt, using: &random)
        if let asked = failure.retryAfter {
            delay = max(delay, min(asked, configuration.retry.maxDelay))
        }
        let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
        let reason = failure.retryAfter == nil ? "" : " (the server asked to wait \(Self.format(seconds)) s)"
        configuration.logger.notice(
            "Retrying \(request.method.rawValue) /\(request.path.joined(separator: "/")) in \(Self.format(seconds)) s (attempt \(attempt) of \(configuration.retry.maxAttempts))\(reason) after: \(failure.error)",
            metadata: ["attempt": "\(attempt)", "delaySeconds": "\(Self.format(seconds))"])
        await stats.record { $0.retries += 1 }
        try await Task.sleep(for: delay)
    }

    /// Sends `request` once.
    private func attemptOnce(_ request: APIRequest) async throws(AttemptFailure) -> Data {
        let url = URLEncoding.url(base: baseURL, root: request.root, path: request.path, query: request.query)
        var http = HTTPClientRequest(url: url)
        http.method = .init(rawValue: request.method.rawValue)
        http.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        http.headers.add(name: "Accept", value: "application/json")
        if let body = request.body {
            http.headers.add(name: "Content-Type", value: "application/json")
            http.body = .bytes(body)
        }
        let status: Int
        let data: Data
        let retryAfter: Duration?
        do {
            let response = try await httpClient.execute(http, timeout: .nanoseconds(configuration.requestTimeout.nanoseconds))
            status = Int(response.status.code)
            retryAfter = response.headers.first(name: "Retry-After").flatMap(Self.seconds)
            data = Data(try await response.body.collect(upTo: Self.maximumResponseBytes).readableBytesView)
        } catch {
            throw AttemptFailure(error: ConnectionFailure.error(error, url: baseURL, configuration: configuration), retryAfter: nil)
        }
        contact.noteAnswer()
        guard (200..<300).contains(status) else {
            throw AttemptFailure(error: Self.error(status: status, body: data, subject: request.subject), retryAfter: retryAfter)
        }
        return data
    }

    /// Streams the file at `file` as the body of a `POST` to `path` (under `/api/v1`), telling
    /// `progress` how many bytes have gone; sent once, never retried, as a new row is made each time.
    func upload(
        file: URL, path: [String], query: [(name: String, value: String)], contentType: String,
        progress: @escaping @Sendable (_ sent: Int64, _ total: Int64) -> Void
    ) async throws -> Data {
        let handle: FileHandle
        let total: Int64
        do {
            handle = try FileHandle(forReadingFrom: file)
            total = Int64(try handle.seekToEnd())
            try handle.seek(toOffset: 0)
        } catch {
            throw PlexusClientError.invalid(field: "file", message: "Cannot read \(file.path): \(error.localizedDescription)")
        }
        defer { try? handle.close() }
        let url = URLEncoding.url(base: baseURL, root: APIRequest.versionedRoot, path: path, query: query)
        var http = HTTPClientRequest(url: url)
        http.method = .POST
        http.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        http.headers.add(name: "Accept", value: "application/json")
        http.headers.add(name: "Content-Type", value: contentType)
        http.body = .stream(FilePieces(handle: handle, total: total, progress: progress), length: .known(total))
        let status: Int
        let data: Data
        do {
            // The whole file must cross, then the server profiles it: allow far longer than a JSON call.
            let response = try await httpClient.execute(http, timeout: .hours(6))
            status = Int(response.status.code)
            data = Data(try await response.body.collect(upTo: Self.maximumResponseBytes).readableBytesView)
        } catch {
            throw ConnectionFailure.error(error, url: baseURL, configuration: configuration)
        }
        contact.noteAnswer()
        guard (200..<300).contains(status) else { throw Self.error(status: status, body: data, subject: nil) }
        return data
    }

    /// One failed attempt, with the wait the server asked for, if it asked.
    private struct AttemptFailure: Error {
        let error: PlexusClientError
        let retryAfter: Duration?
    }

    /// A `Retry-After` given in whole seconds (the form Plexus and most APIs send).
    private static func seconds(_ header: String) -> Duration? {
        Int(header.trimmingCharacters(in: .whitespaces)).flatMap { $0 >= 0 ? .seconds($0) : nil }
    }

    private static func format(_ seconds: Double) -> String {
        String((seconds * 100).rounded() / 100)
    }

    /// The error an answer with status `status` and body `body` stands for.
    private static func error(status: Int, body: Data, subject: (kind: String, id: String)?) -> PlexusClientError {
        guard let detail = try? PlexusJSON.decoder().decode(APIErrorBody.self, from: body).error else {
            let text = String(decoding: body.prefix(500), as: UTF8.self)
            return .api(status: status, code: "http_\(status)", message: text.isEmpty ? "The answer had no body." : text, field: nil)
        }
        if status == 404, detail.field == nil, let subject {
            return .notFound(resource: subject.kind, id: subject.id)
        }
        return .api(status: status, code: detail.code, message: detail.message, field: detail.field)
    }
}

/// Remembers whether a client's server has ever answered, shared by every copy of its transport.
final class ServerContact: Sendable {
    private let answered = Atomic(false)

    /// Whether an answer has arrived.
    var hasAnswered: Bool { answered.load(ordering: .relaxed) }

    /// Records that an answer arrived.
    func noteAnswer() {
        answered.store(true, ordering: .relaxed)
    }
}

/// A file read in pieces of a mebibyte, as an upload's body, reporting each piece sent.
private struct FilePieces: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let handle: FileHandle
    let total: Int64
    let progress: @Sendable (_ sent: Int64, _ total: Int64) -> Void

    struct AsyncIterator: AsyncIteratorProtocol {
        let pieces: FilePieces
        var sent: Int64 = 0

        mutating func next() async throws -> ByteBuffer? {
            guard let data = try pieces.handle.read(upToCount: 1 << 20), !data.isEmpty else { return nil }
            sent += Int64(data.count)
            pieces.progress(sent, pieces.total)
            return ByteBuffer(bytes: data)
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(pieces: self) }
}
