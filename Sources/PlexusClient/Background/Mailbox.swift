/// An ordered stream of commands worked through by one background task.
///
/// The task is unstructured because it outlives any one call: it belongs to the client and ends
/// when the mailbox is closed (by ``PlexusClient/shutdown()``, or when the last reference goes),
/// after working through every command posted before.
final class Mailbox<Command: Sendable>: Sendable {
    private let continuation: AsyncStream<Command>.Continuation
    private let worker: Task<Void, Never>

    /// Starts `work`, which gets the commands and a way to post more (such as timer ticks).
    init(_ work: @escaping @Sendable (AsyncStream<Command>, AsyncStream<Command>.Continuation) async -> Void) {
        let (stream, continuation) = AsyncStream.makeStream(of: Command.self)
        self.continuation = continuation
        worker = Task { await work(stream, continuation) }
    }

    deinit {
        continuation.finish()
    }

    /// Posts `command`; `false` when the mailbox is closed.
    func post(_ command: Command) -> Bool {
        if case .enqueued = continuation.yield(command) { return true }
        return false
    }

    /// Stops accepting commands and waits until the worker has finished the ones posted before.
    func close() async {
        continuation.finish()
        await worker.value
    }
}
