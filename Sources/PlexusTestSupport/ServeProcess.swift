import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// A real `plexus serve` process in a folder of its own, for tests of start-up, shutdown and
/// durability that only a separate process can show.
public final class ServeProcess: Sendable {
    public let process: ChildProcess
    public let folder: URL
    public let baseURL: String
    private let output: OutputBuffer

    /// The `plexus` binary that `swift build` / `swift test` put beside the test bundle.
    public static var binary: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/plexus")
    }

    /// Starts the server in `folder` on `port` (a free one when 0) and waits until it listens.
    public init(folder: URL, port: Int = 0, environment: [String: String] = [:]) async throws {
        let output = OutputBuffer()
        let environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }.filter { !$0.key.hasPrefix("PLEXUS_DATABASE") }
        let process = try ChildProcess(executable: Self.binary, arguments: ["serve", "--port", String(port)], environment: environment, directory: folder) {
            output.append($0)
        }
        self.process = process
        self.folder = folder
        self.output = output
        baseURL = try await Self.waitForURL(in: output, process: process)
    }

    /// Everything the process printed so far.
    public var printed: String { output.text }

    private static func waitForURL(in output: OutputBuffer, process: ChildProcess) async throws -> String {
        for _ in 0..<300 {
            let text = output.text
            if let range = text.range(of: #"at http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                return String(text[range].dropFirst(3))
            }
            guard process.isRunning else { throw ServeProcessError.exited(text) }
            try await Task.sleep(for: .milliseconds(100))
        }
        process.send(SIGTERM)
        throw ServeProcessError.timedOut(output.text)
    }

    /// Sends a request and returns the status and body.
    public func request(_ method: String, _ path: String, key: String?, json: String? = nil) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Sends SIGTERM and waits for the exit status.
    public func stop() async -> Int32 {
        process.send(SIGTERM)
        return await process.exitStatus()
    }

    /// Sends SIGKILL: no chance to flush or clean up.
    public func kill() async {
        process.send(SIGKILL)
        _ = await process.exitStatus()
    }
}

/// What a process printed, appended from the pipe's reader thread and read from tests.
public final class OutputBuffer: Sendable {
    private let storage = Mutex<[UInt8]>([])

    public init() {}

    /// Everything so far, as UTF-8 (a character split between chunks is whole once both arrive).
    public var text: String { storage.withLock { String(decoding: $0, as: UTF8.self) } }

    public func append(_ more: [UInt8]) { storage.withLock { $0 += more } }
}

public enum ServeProcessError: Error {
    case exited(String)
    case timedOut(String)
}
