import Foundation
import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// Why `plexus serve` could not start, with what to do about it.
public enum ServerStartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process already listens on the address and port.
    case portInUse(host: String, port: Int)
    /// The address is not one this machine has, or the port needs privileges.
    case cannotListen(host: String, port: Int, reason: String)
    /// The credentials file for the new admin key could not be created.
    case credentialsNotWritable(path: String)

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case let .portInUse(host, port):
            return "Port \(port) on \(host) is already in use (is another `plexus serve` running?). Stop that process, or pass --port with another port (0 picks a free one)."
        case let .cannotListen(host, port, reason):
            return "Cannot listen on \(host):\(port): \(reason). Check --host (an address of this machine, such as 127.0.0.1 or 0.0.0.0) and --port."
        case let .credentialsNotWritable(path):
            return "Could not create \(path) for the admin key; check that its folder is writable."
        }
    }

    /// The start error `error` stands for, when it is one of binding the listening socket.
    static func from(_ error: any Error, host: String, port: Int) -> ServerStartError? {
        guard let io = error as? IOError else { return nil }
        switch io.errnoCode {
        case EADDRINUSE: return .portInUse(host: host, port: port)
        case EADDRNOTAVAIL: return .cannotListen(host: host, port: port, reason: "this machine has no such address")
        case EACCES: return .cannotListen(host: host, port: port, reason: "ports below 1024 need extra privileges")
        default: return nil
        }
    }
}
