import Foundation
import PlexusCore
import PlexusServer
import Testing

@Suite("Requests that are not valid HTTP, and connections that send too little")
struct ConnectionGuardTests {
    /// A live server whose first-request timeout is `requestHead` and idle timeout `idle`.
    private func withServer(
        requestHead: Duration = .seconds(30), idle: Duration = .seconds(60), _ body: @Sendable (Int) async throws -> Void
    ) async throws {
        var configuration = ServerConfiguration()
        configuration.connectionTimeouts = ConnectionTimeouts(requestHead: requestHead, idle: idle)
        try await TestServer.run(configuration: configuration, live: true) { server in
            try await body(try #require(server.client.port))
        }
    }

    /// Sends `request` on a new connection and reads until the server closes it (at most `timeout`).
    private func exchange(_ request: [UInt8], port: Int, timeout: Duration = .seconds(5)) async throws -> (head: String, body: JSONValue, closed: Bool) {
        let connection = try RawConnection(port: port)
        defer { connection.close() }
        try connection.send(request)
        let (bytes, closed) = await connection.receiveUntilClosed(timeout: timeout)
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let body = parts.count > 1 ? (try? JSONDecoder().decode(JSONValue.self, from: Data(parts[1].utf8))) : nil
        return (parts[0], body ?? .null, closed)
    }

    private func request(_ target: [UInt8]) -> [UInt8] {
        Array("GET ".utf8) + target + Array(" HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8)
    }

    @Test("A raw non-ASCII byte in the query gets a 400 naming the parameter and the encoding to send, then the connection closes")
    func rawNonASCIIInQuery() async throws {
        try await withServer { port in
            let reply = try await exchange(request(Array("/health?x=é".utf8)), port: port)
            #expect(reply.head.hasPrefix("HTTP/1.1 400"))
            #expect(reply.body["error"]?["code"] == "malformed_request" && reply.body["error"]?["field"] == "x")
            #expect(reply.body["error"]?["message"]?.stringValue?.contains("%C3%A9") == true)
            #expect(reply.closed)
        }
    }

    @Test("README's literal ellipsis example, a Latin-1 byte in a path and a raw space each get a 400")
    func otherMalformedTargets() async throws {
        try await withServer { port in
            let ellipsis = try await exchange(request(Array("/api/v1/score-results?scoreId=…&limit=100".utf8)), port: port)
            #expect(ellipsis.head.hasPrefix("HTTP/1.1 400") && ellipsis.body["error"]?["field"] == "scoreId")
            let latin1 = try await exchange(request(Array("/h".utf8) + [0xE9] + Array("alth".utf8)), port: port)
            #expect(latin1.head.hasPrefix("HTTP/1.1 400") && latin1.body["error"]?["message"]?.stringValue?.contains("%E9") == true)
            let space = try await exchange(request(Array("/items?q=a b".utf8)), port: port)
            #expect(space.head.hasPrefix("HTTP/1.1 400") && space.body["error"]?["field"] == "q")
        }
    }

    @Test("The same request percent-encoded is answered normally")
    func percentEncoded() async throws {
        try await withServer { port in
            let reply = try await exchange(Array("GET /health?x=%C3%A9 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8), port: port)
            #expect(reply.head.hasPrefix("HTTP/1.1 200") && reply.body["status"] == "ok")
        }
    }

    @Test("Half a request head is answered 408 and closed once the head timeout passes")
    func stuckRequestHead() async throws {
        try await withServer(requestHead: .milliseconds(500)) { port in
            let start = ContinuousClock.now
            let reply = try await exchange(Array("GET /health HTTP/1.1\r\nHo".utf8), port: port)
            #expect(reply.head.hasPrefix("HTTP/1.1 408") && reply.body["error"]?["code"] == "request_timeout")
            #expect(reply.closed && ContinuousClock.now - start < .seconds(4))
        }
    }

    @Test("A connection that never sends a byte is closed quietly after the head timeout")
    func silentConnection() async throws {
        try await withServer(requestHead: .milliseconds(500)) { port in
            let connection = try RawConnection(port: port)
            defer { connection.close() }
            let (bytes, closed) = await connection.receiveUntilClosed(timeout: .seconds(4))
            #expect(closed && bytes.isEmpty)
        }
    }

    @Test("A keep-alive connection left idle after a request is closed after the idle timeout")
    func idleKeepAlive() async throws {
        try await withServer(idle: .milliseconds(500)) { port in
            let reply = try await exchange(Array("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8), port: port, timeout: .seconds(5))
            #expect(reply.head.hasPrefix("HTTP/1.1 200") && reply.closed)
        }
    }
}
