import CPlexusSpawn
import Foundation
import Synchronization

/// A child process started with `posix_spawn`, its standard output and error read into one
/// stream, for tests that run the `plexus` binary. Foundation's `Process.run()` is not used: on
/// Linux it can crash the test process (it over-reads directory entries of `/proc/self/fd` while
/// closing descriptors, swift-corelibs-foundation#5472, present in Swift 6.3.1), and a test
/// process that spawns many children hits it. Here the child closes every inherited descriptor
/// above standard error with glibc's `posix_spawn_file_actions_addclosefrom_np` (``plexus_spawn``).
public final class ChildProcess: Sendable {
    /// The child's process ID.
    public let pid: pid_t
    private let state = Mutex<(status: Int32?, waiting: [CheckedContinuation<Int32, Never>])>((nil, []))

    /// Starts `executable` with `arguments` in `directory`, with exactly `environment`; every
    /// chunk the child writes to standard output or error goes to `output`, on a thread of its own,
    /// all of it before the child counts as exited.
    public init(executable: URL, arguments: [String], environment: [String: String], directory: URL,
                output: @escaping @Sendable ([UInt8]) -> Void) throws {
        var ends: [Int32] = [0, 0]
        let piped = plexus_pipe_cloexec(&ends)
        guard piped == 0 else { throw ChildProcessError.spawn(piped, "a pipe") }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let argv = ([executable.path] + arguments).map { strdup($0) }
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let spawned = plexus_spawn(&child, executable.path, argv + [nil], envp + [nil], directory.path, writeEnd)
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            throw ChildProcessError.spawn(spawned, executable.path)
        }
        pid = child
        // One thread reads until the child's end of the pipe closes, then reaps the child, so by
        // the time its status is known every byte it wrote has been passed on.
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 8_192)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
                if count > 0 { output(Array(buffer[..<count])) } else if count == 0 || errno != EINTR { break }
            }
            close(readEnd)
            reap()
        }
    }

    /// Waits for the child on this thread, then records its status and wakes every waiter.
    private func reap() {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        // Exited: its code; killed: the signal's number, as Foundation's terminationStatus gives them.
        let result = status & 0x7f == 0 ? (status >> 8) & 0xff : status & 0x7f
        let waiting = state.withLock { current in
            current.status = result
            defer { current.waiting = [] }
            return current.waiting
        }
        waiting.forEach { $0.resume(returning: result) }
    }

    /// Whether the child has not exited yet.
    public var isRunning: Bool { state.withLock { $0.status == nil } }

    /// Sends `signal` to the child.
    public func send(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits for the child to exit and returns its exit code (or the signal that ended it).
    public func exitStatus() async -> Int32 {
        await withCheckedContinuation { continuation in
            let known: Int32? = state.withLock { current in
                if let status = current.status { return status }
                current.waiting.append(continuation)
                return nil
            }
            if let known { continuation.resume(returning: known) }
        }
    }
}

public enum ChildProcessError: Error, CustomStringConvertible {
    case spawn(Int32, String)

    public var description: String {
        switch self {
        case let .spawn(code, what): "Could not start \(what): \(String(cString: strerror(code)))"
        }
    }
}
