import Logging
import PlexusCore
import Synchronization

/// Sends pipeline performance records to `POST /api/performance/record/batch` in the background:
/// a batch goes out when ``batchSize`` records wait, when the oldest has waited
/// ``ClientConfiguration/batchInterval``, or on ``flush()``. Recording never waits and never throws.
///
/// Records carry no idempotency key, so a failed batch is not retried (a lost answer would store
/// it twice); it is logged and counted instead. At most ``capacity`` records wait at once, so an
/// unreachable server cannot make the queue grow without bound; more are dropped and counted.
final class PipelineMetricsRecorder: Sendable {
    /// The most records sent in one request.
    static let batchSize = 500
    /// The most records waiting to be sent at once.
    static let capacity = 10_000

    enum Command: Sendable {
        case add(PerformanceRecordDraft)
        case tick
        case flush(CheckedContinuation<Void, Never>)
    }

    private let ledger: PipelineMetricsLedger
    private let mailbox: Mailbox<Command>
    private let logger: Logger

    init(transport: APITransport) {
        let interval = transport.configuration.batchInterval
        let ledger = PipelineMetricsLedger(capacity: PipelineMetricsRecorder.capacity)
        self.ledger = ledger
        logger = transport.configuration.logger
        let sendAll: @Sendable (inout [PerformanceRecordDraft]) async -> Void = { waiting in
            await PipelineMetricsRecorder.sendAll(&waiting, with: transport, ledger: ledger)
        }
        mailbox = Mailbox { commands, ticks in
            await withTaskGroup(of: Void.self) { group in
                // Ticks several times per interval, so a record waits at most ~1.2 intervals.
                group.addTask { await PipelineMetricsRecorder.tick(ticks, every: interval / 5) }
                var waiting: [PerformanceRecordDraft] = []
                var oldest = ContinuousClock.now
                for await command in commands {
                    switch command {
                    case .add(let draft):
                        if waiting.isEmpty { oldest = .now }
                        waiting.append(draft)
                        if waiting.count >= PipelineMetricsRecorder.batchSize { await sendAll(&waiting) }
                    case .tick:
                        if !waiting.isEmpty, .now - oldest >= interval { await sendAll(&waiting) }
                    case .flush(let done):
                        await sendAll(&waiting)
                        done.resume()
                    }
                }
                await sendAll(&waiting)
                group.cancelAll()
            }
        }
    }

    /// Queues `draft` and returns at once. An invalid record, one beyond ``capacity`` and one
    /// recorded after ``close()`` are dropped: logged and counted, never thrown.
    func record(_ draft: PerformanceRecordDraft) {
        do {
            try draft.validate(field: "")
        } catch {
            logger.error("Dropped a pipeline metric with an invalid value", metadata: ["error": "\(error)"])
            ledger.drop()
            return
        }
        switch ledger.admit() {
        case .admitted:
            if !mailbox.post(.add(draft)) {
                logger.warning("Dropped a pipeline metric recorded after the client was shut down")
                ledger.settle(1)
                ledger.drop()
            }
        case .refused(let firstInARow):
            if firstInARow {
                logger.warning("Dropping pipeline metrics: \(Self.capacity) are already waiting for the server")
            }
        }
    }

    /// Records dropped before they could be sent.
    var dropped: Int { ledger.dropped }

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

    /// Sends every waiting record, ``batchSize`` at a time, and empties `waiting`.
    private static func sendAll(_ waiting: inout [PerformanceRecordDraft], with transport: APITransport, ledger: PipelineMetricsLedger) async {
        for start in stride(from: 0, to: waiting.count, by: batchSize) {
            let batch = Array(waiting[start..<min(start + batchSize, waiting.count)])
            await send(batch, with: transport)
            ledger.settle(batch.count)
        }
        waiting.removeAll()
    }

    private static func send(_ batch: [PerformanceRecordDraft], with transport: APITransport) async {
        let count = batch.count
        do {
            var request = try APIRequest.post("record", "batch", body: PerformanceRecordBatch(records: batch), retryable: false)
            request.root = ["api", "performance"]
            let _: PerformanceRecorded = try await transport.send(request)
            await transport.stats.record { $0.pipelineMetricsSent += count }
        } catch {
            transport.configuration.logger.error("Gave up sending pipeline metrics", metadata: ["count": "\(count)", "error": "\(error)"])
            await transport.stats.record { $0.pipelineMetricsFailed += count }
        }
    }

    private static func tick(_ ticks: AsyncStream<Command>.Continuation, every period: Duration) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: period) } catch { return }
            ticks.yield(.tick)
        }
    }
}
