import Logging
import PlexusCore

/// Sends evaluation updates in the background, one at a time and in the order they were given,
/// so a later progress update never overtakes an earlier one. An update whose caller waits for
/// the answer takes its turn like the others. At most ``ClientConfiguration/maxQueuedResults``
/// fire-and-forget updates wait at once; ``add(_:to:)`` waits for room beyond that.
struct EvaluationUpdateQueue: Sendable {
    struct Update: Sendable {
        var id: Identifier<Evaluation>
        var fields: EvaluationUpdate
        /// Resumed with the answer when the caller waits for it; `nil` for fire-and-forget updates.
        var reply: CheckedContinuation<Evaluation, any Error>?
    }

    enum Command: Sendable {
        case update(Update)
        case flush(CheckedContinuation<Void, Never>)
    }

    private let mailbox: Mailbox<Command>
    private let capacity: QueueCapacity

    init(transport: APITransport) {
        let capacity = QueueCapacity(limit: transport.configuration.maxQueuedResults)
        self.capacity = capacity
        mailbox = Mailbox { commands, _ in
            for await command in commands {
                switch command {
                case .update(let update):
                    await Self.send(update, with: transport)
                    if update.reply == nil { capacity.release(1) }
                case .flush(let done): done.resume()
                }
            }
        }
    }

    /// Queues `update`, first waiting for room when the queue is full; `false` when the queue has been closed.
    /// - Throws: `CancellationError` when the caller is cancelled while waiting; the update is not queued then.
    func add(_ fields: EvaluationUpdate, to id: Identifier<Evaluation>) async throws -> Bool {
        try await capacity.acquire()
        guard mailbox.post(.update(Update(id: id, fields: fields, reply: nil))) else {
            capacity.release(1)
            return false
        }
        return true
    }

    /// Queues `update` and waits for the server's answer to it.
    func send(_ fields: EvaluationUpdate, to id: Identifier<Evaluation>) async throws -> Evaluation {
        try await withCheckedThrowingContinuation { reply in
            if !mailbox.post(.update(Update(id: id, fields: fields, reply: reply))) {
                reply.resume(throwing: PlexusClientError.shutDown)
            }
        }
    }

    /// Returns when every update queued so far has been sent or given up on.
    func flush() async {
        await withCheckedContinuation { done in
            if !mailbox.post(.flush(done)) { done.resume() }
        }
    }

    /// Sends everything queued and stops.
    func close() async {
        await mailbox.close()
    }

    private static func send(_ update: Update, with transport: APITransport) async {
        do {
            let request = try APIRequest.patch("evaluations", update.id.rawValue, body: update.fields, subject: ("evaluation", update.id.rawValue))
            let evaluation: Evaluation = try await transport.send(request)
            if let reply = update.reply {
                reply.resume(returning: evaluation)
            } else {
                await transport.stats.record { $0.updatesSent += 1 }
            }
        } catch {
            if let reply = update.reply {
                reply.resume(throwing: error)
            } else {
                transport.configuration.logger.error("Gave up sending an evaluation update", metadata: [
                    "evaluationId": "\(update.id)", "error": "\(error)",
                ])
                await transport.stats.record { $0.updatesFailed += 1 }
            }
        }
    }
}
