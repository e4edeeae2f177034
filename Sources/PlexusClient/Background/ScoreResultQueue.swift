import PlexusCore

/// Collects score results and sends them in batches in the background: a batch goes out when it
/// is full (``ClientConfiguration/batchSize``), when its oldest result has waited
/// ``ClientConfiguration/batchInterval``, or on ``flush()``. Batches go out one at a time, in order.
/// It holds at most ``ClientConfiguration/maxQueuedResults``; ``add(_:)`` waits for room beyond that.
struct ScoreResultQueue: Sendable {
    enum Command: Sendable {
        case add(ScoreResultInput)
        case tick
        case flush(CheckedContinuation<Void, Never>)
    }

    private let mailbox: Mailbox<Command>
    private let capacity: QueueCapacity

    init(sender: BatchSender, configuration: ClientConfiguration) {
        let size = configuration.batchSize
        let interval = configuration.batchInterval
        let capacity = QueueCapacity(limit: max(configuration.maxQueuedResults, 2 * size))
        self.capacity = capacity
        // Room is given back once a batch is sent or given up on, never before.
        let sender = CapacityReleasingSender(sender: sender, capacity: capacity)
        mailbox = Mailbox { commands, ticks in
            await withTaskGroup(of: Void.self) { group in
                // Ticks several times per interval, so a result waits at most ~1.2 intervals.
                group.addTask { await Self.tick(ticks, every: interval / 5) }
                var pending = PendingResults()
                for await command in commands {
                    switch command {
                    case .add(let input):
                        pending.append(input)
                        if pending.count >= size { await sender.send(pending.take(size)) }
                    case .tick:
                        if pending.oldestAge.map({ $0 >= interval }) ?? false { await sender.sendAll(&pending, batchSize: size) }
                    case .flush(let done):
                        await sender.sendAll(&pending, batchSize: size)
                        done.resume()
                    }
                }
                await sender.sendAll(&pending, batchSize: size)
                group.cancelAll()
            }
        }
    }

    /// Queues `input`, first waiting for room when the queue is full; `false` when the queue has been closed.
    /// - Throws: `CancellationError` when the caller is cancelled while waiting; `input` is not queued then.
    func add(_ input: ScoreResultInput) async throws -> Bool {
        try await capacity.acquire()
        guard mailbox.post(.add(input)) else {
            capacity.release(1)
            return false
        }
        return true
    }

    /// Sends everything queued so far and returns when the server has answered for all of it.
    func flush() async {
        await withCheckedContinuation { done in
            if !mailbox.post(.flush(done)) { done.resume() }
        }
    }

    /// Sends everything queued and stops.
    func close() async {
        await mailbox.close()
    }

    private static func tick(_ ticks: AsyncStream<Command>.Continuation, every period: Duration) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: period) } catch { return }
            ticks.yield(.tick)
        }
    }
}

/// A ``BatchSender`` that gives the queue's room back for every result it is done with.
private struct CapacityReleasingSender: Sendable {
    let sender: BatchSender
    let capacity: QueueCapacity

    func send(_ batch: [ScoreResultInput]) async {
        await sender.send(batch)
        capacity.release(batch.count)
    }

    func sendAll(_ pending: inout PendingResults, batchSize: Int) async {
        while pending.count > 0 { await send(pending.take(batchSize)) }
    }
}
