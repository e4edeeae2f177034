import Logging
import PlexusCore

/// Sends batches of queued score results, logging and counting what fails instead of throwing.
///
/// Every queued result carries an idempotency key, so a batch resent after a lost answer creates
/// no duplicates. A result the server rejects for good is dropped alone and the rest resent.
struct BatchSender: Sendable {
    let transport: APITransport

    private var logger: Logger { transport.configuration.logger }

    /// Sends everything in `pending`, `batchSize` results at a time.
    func sendAll(_ pending: inout PendingResults, batchSize: Int) async {
        while pending.count > 0 { await send(pending.take(batchSize)) }
    }

    /// Sends one batch, retrying transient failures as the retry policy says.
    func send(_ batch: [ScoreResultInput]) async {
        var batch = batch
        while !batch.isEmpty {
            do {
                let request = try APIRequest.post("score-results", "batch", body: ScoreResultBatch(scoreResults: batch), retryable: true)
                let outcome: BatchOutcome<ScoreResult> = try await transport.send(request)
                let count = batch.count
                await transport.stats.record { $0.sent += count; $0.batches += 1 }
                logger.debug("Sent score results", metadata: ["count": "\(count)", "duplicates": "\(outcome.duplicates)"])
                return
            } catch let error as PlexusClientError {
                if let index = Self.rejectedIndex(error), batch.indices.contains(index) {
                    let rejected = batch.remove(at: index)
                    logger.error("Dropped a score result the server rejected", metadata: [
                        "idempotencyKey": "\(rejected.idempotencyKey ?? "")", "error": "\(error)",
                    ])
                    await transport.stats.record { $0.failed += 1 }
                } else {
                    await fail(batch, error: error)
                    return
                }
            } catch {
                await fail(batch, error: error)
                return
            }
        }
    }

    private func fail(_ batch: [ScoreResultInput], error: any Error) async {
        let count = batch.count
        logger.error("Gave up sending score results", metadata: ["count": "\(count)", "error": "\(error)"])
        await transport.stats.record { $0.failed += count }
    }

    /// The index of the one result a permanent rejection is about, from a field such as
    /// `scoreResults[3].confidence`; `nil` when the whole batch failed.
    static func rejectedIndex(_ error: PlexusClientError) -> Int? {
        guard !error.isTransient, let field = error.field, field.hasPrefix("scoreResults[") else { return nil }
        return Int(field.dropFirst("scoreResults[".count).prefix { $0 != "]" })
    }
}
