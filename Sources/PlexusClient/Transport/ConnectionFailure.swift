import AsyncHTTPClient
import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// Turns what AsyncHTTPClient and SwiftNIO throw when a request never got an answer into a
/// ``PlexusClientError`` that says, in plain words, what happened and what to check.
enum ConnectionFailure {
    /// The error for a request to `url` (the server's base URL) that failed with `error` before
    /// any answer arrived.
    static func error(_ error: any Error, url: String, configuration: ClientConfiguration) -> PlexusClientError {
        if isRefused(error) {
            return .serverUnreachable(url: url, reason: "nothing is listening there (connection refused)")
        }
        if let connection = error as? NIOConnectionError, connection.connectionErrors.isEmpty,
           connection.dnsAError != nil || connection.dnsAAAAError != nil {
            return .serverUnreachable(url: url, reason: "the host name '\(connection.host)' does not resolve")
        }
        if let http = error as? HTTPClientError {
            switch http {
            case .connectTimeout:
                // A listener that is slow to accept is busy, not absent: retried like any
                // transient failure, unlike a refusal or a name that does not resolve.
                return .transport(url: url, message: "no connection within \(configuration.connectTimeout) (the connect timeout)")
            case .deadlineExceeded, .readTimeout:
                return .transport(url: url, message: "no answer within \(configuration.requestTimeout) (the request timeout)")
            case .remoteConnectionClosed:
                return .transport(url: url, message: "the server closed the connection before answering")
            default:
                break
            }
        }
        return .transport(url: url, message: String(describing: error))
    }

    private static func isRefused(_ error: any Error) -> Bool {
        if let io = error as? IOError { return io.errnoCode == ECONNREFUSED }
        if let connection = error as? NIOConnectionError {
            return !connection.connectionErrors.isEmpty && connection.connectionErrors.allSatisfy { isRefused($0.error) }
        }
        return false
    }
}
