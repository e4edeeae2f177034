import Foundation
import Logging
import UnixSignals

/// Ends the process if a graceful shutdown has not finished some seconds after SIGTERM / SIGINT.
///
/// Hummingbird's WebSocket-upgrade server waits, even past cancellation, on connections that
/// opened but never sent a request (browsers keep such spare connections), so a shutdown could
/// otherwise hang until the browser closes. Exiting then loses nothing: every acknowledged write
/// was committed before its response went out.
struct ShutdownWatchdog: Sendable {
    /// How long after the signal the process may take before it is ended.
    let deadline: Duration
    let logger: Logger

    /// Waits for the first shutdown signal, then for `deadline`, then exits; returns only when cancelled.
    func run() async {
        for await _ in await UnixSignalsSequence(trapping: .sigterm, .sigint) {
            do {
                try await Task.sleep(for: deadline)
            } catch {
                return
            }
            logger.warning("Connections were still open \(deadline) after the shutdown signal; exiting anyway (no acknowledged write is lost).")
            exit(0)
        }
    }
}
