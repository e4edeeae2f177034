import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to a local port, for sending bytes no HTTP client would send (raw
/// non-ASCII, half a request) or for opening a connection and leaving it silent, as browsers
/// keep spare connections.
struct RawConnection {
    private let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    /// Sends `bytes` as they are.
    func send(_ bytes: [UInt8]) throws {
        let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else { throw POSIXError(.EPIPE) }
    }

    /// Everything the server sends until it closes the connection, or until `timeout` passes with
    /// the connection still open; `closed` says which. Waits on a thread of its own, so an in-process
    /// server keeps the concurrency pool's few threads.
    func receiveUntilClosed(timeout: Duration) async -> (bytes: [UInt8], closed: Bool) {
        await withCheckedContinuation { done in
            Thread.detachNewThread { done.resume(returning: receiveBlocking(timeout: timeout)) }
        }
    }

    private func receiveBlocking(timeout: Duration) -> (bytes: [UInt8], closed: Bool) {
        var received: [UInt8] = []
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            let remaining = deadline - ContinuousClock.now
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(max(1, remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
            guard poll(&poller, 1, milliseconds) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return (received, true) }
            received += buffer[0..<count]
        }
        return (received, false)
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
