import ArgumentParser
import Foundation
import PlexusClient
import PlexusScoring
import UnixSignals

/// Lets a command that records through the client be interrupted without losing what it has:
/// the first SIGINT (Ctrl-C) or SIGTERM cancels its work, which sends what it has queued and ends
/// its evaluations CANCELLED; a second signal exits at once.
enum Interruption {
    /// The exit status of an interrupted command, as shells report a SIGINT.
    static let exitStatus: Int32 = 130

    /// Runs `body`, printing what an interruption kept and exiting with ``exitStatus`` after one.
    static func run<Result: Sendable>(_ body: @escaping @Sendable () async throws -> Result) async throws -> Result {
        let work = Task { try await body() }
        let watcher = Task {
            var received = 0
            for await signal in await UnixSignalsSequence(trapping: .sigint, .sigterm) {
                received += 1
                guard received == 1 else { exit(exitStatus) }
                standardError("\n\(signal) received: sending what is queued and ending the run (press Ctrl-C again to quit at once)…\n")
                work.cancel()
            }
        }
        defer { watcher.cancel() }
        do {
            return try await work.value
        } catch let error where work.isCancelled {
            switch error {
            case let interrupted as RunInterrupted: standardError("\(interrupted)\n")
            case let interrupted as ScoringInterrupted: standardError("\(interrupted)\n")
            default: standardError("Interrupted before anything was recorded (\(error)).\n")
            }
            throw ExitCode(exitStatus)
        }
    }

    private static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
