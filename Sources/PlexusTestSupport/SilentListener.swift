#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A TCP port on 127.0.0.1 that accepts connections (the kernel completes them) but never reads
/// or answers, like a server that hangs; or, once closed, a port where nothing listens.
public final class SilentListener: Sendable {
    /// The port it listens on.
    public let port: Int
    private let socketDescriptor: Int32

    /// Starts listening on a port the kernel picks.
    public init() throws {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw ListenerError.failed("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            Self.closeDescriptor(descriptor)
            throw ListenerError.failed("bind/listen")
        }
        var actual = sockaddr_in()
        var actualLength = length
        _ = withUnsafeMutablePointer(to: &actual) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &actualLength) } }
        socketDescriptor = descriptor
        port = Int(UInt16(bigEndian: actual.sin_port))
    }

    /// Stops listening; connections to the port are then refused.
    public func close() {
        Self.closeDescriptor(socketDescriptor)
    }

    private static func closeDescriptor(_ descriptor: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #else
        _ = Darwin.close(descriptor)
        #endif
    }

    public enum ListenerError: Error {
        case failed(String)
    }
}
