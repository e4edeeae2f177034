import Foundation
import PlexusCore

/// Fans live events out to the sockets subscribed to them, within one account.
///
/// Each socket has a bounded outbox; a socket too slow to keep up is disconnected rather than
/// allowed to hold up anyone else, and publishing never waits on a socket.
public actor Broadcaster {
    private struct Subscriber {
        let accountID: Identifier<Account>
        var topics: Set<LiveTopic> = []
        let outbox: AsyncStream<String>.Continuation
    }

    /// How many messages may wait for one socket before it counts as too slow.
    static let outboxLimit = 256

    private var subscribers: [UUID: Subscriber] = [:]
    private var pendingResults: [Identifier<Account>: [Identifier<Scorecard>: Int]] = [:]
    private var pendingPredictions: [Identifier<Account>: [ModelPrediction.Version: (count: Int, sample: [JSONValue])]] = [:]
    /// The most predictions one `prediction.logged` message carries; its count says how many there were.
    static let predictionSample = 20
    private let onDrop: @Sendable () -> Void

    /// Creates an empty broadcaster; `onDrop` is told each time a socket too slow to keep up is dropped.
    public init(onDrop: @escaping @Sendable () -> Void = {}) {
        self.onDrop = onDrop
    }

    /// Registers a socket of `accountID` and returns its ID and the messages to send it.
    func connect(accountID: Identifier<Account>) -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingOldest(Self.outboxLimit))
        subscribers[id] = Subscriber(accountID: accountID, outbox: continuation)
        return (id, stream)
    }

    /// Ends every socket's stream, e.g. when the server shuts down; their handlers then close them.
    func disconnectAll() {
        for id in subscribers.keys { disconnect(id) }
    }

    /// Forgets a socket.
    func disconnect(_ id: UUID) {
        subscribers.removeValue(forKey: id)?.outbox.finish()
    }

    /// Handles a client's (un)subscribe message, answering on the same socket.
    func handle(_ message: LiveMessage, from id: UUID) {
        switch message.parse() {
        case .failure(let error):
            send(.error(error.message), to: id)
        case .success(let (subscribe, topic)):
            if subscribe { subscribers[id]?.topics.insert(topic) } else { subscribers[id]?.topics.remove(topic) }
            send(subscribe ? .subscribed(topic) : .unsubscribed(topic), to: id)
        }
    }

    /// Tells one socket something (e.g. that its message was malformed).
    func send(_ event: LiveEvent, to id: UUID) {
        deliver(event.json(), to: id)
    }

    /// Sends `event` to every socket of `accountID` subscribed to `topic`.
    func publish(_ event: LiveEvent, accountID: Identifier<Account>, topic: LiveTopic) {
        let targets = subscribers.filter { $0.value.accountID == accountID && $0.value.topics.contains(topic) }.map(\.key)
        guard !targets.isEmpty else { return }
        let text = event.json()
        for id in targets { deliver(text, to: id) }
    }

    /// Adds new results to the counts sent at the next ``flushResults()``.
    func addResults(accountID: Identifier<Account>, scorecardID: Identifier<Scorecard>, count: Int) {
        pendingResults[accountID, default: [:]][scorecardID, default: 0] += count
    }

    /// Adds logged predictions of `model` to the batch sent at the next ``flushResults()``.
    func addPredictions(accountID: Identifier<Account>, model: ModelPrediction.Version, count: Int, predictions: [JSONValue]) {
        var batch = pendingPredictions[accountID, default: [:]][model, default: (0, [])]
        batch.count += count
        batch.sample += predictions.prefix(Self.predictionSample - batch.sample.count)
        pendingPredictions[accountID, default: [:]][model] = batch
    }

    /// Sends `event` about `model` to the sockets subscribed to it by version ID, `name@version` or name.
    func publish(_ event: LiveEvent, accountID: Identifier<Account>, model: ModelPrediction.Version) {
        for id in Set([model.id.rawValue, "\(model.name)@\(model.version)", model.name]) {
            publish(event, accountID: accountID, topic: LiveTopic(kind: .model, id: id))
        }
    }

    /// Sends one `score_result.created` per scorecard with results since the last flush, and one
    /// `prediction.logged` per model with predictions logged since then.
    func flushResults() {
        let predictions = pendingPredictions
        pendingPredictions = [:]
        for (accountID, models) in predictions {
            for (model, batch) in models {
                publish(.predictionsLogged(model: model, count: batch.count, predictions: batch.sample), accountID: accountID, model: model)
            }
        }
        let pending = pendingResults
        pendingResults = [:]
        for (accountID, scorecards) in pending {
            for (scorecardID, count) in scorecards {
                publish(.scoreResultsCreated(scorecardID: scorecardID, count: count), accountID: accountID,
                        topic: LiveTopic(kind: .scorecard, id: scorecardID.rawValue))
            }
        }
    }

    /// How many sockets are connected.
    var connectionCount: Int { subscribers.count }

    private func deliver(_ text: String, to id: UUID) {
        guard let subscriber = subscribers[id] else { return }
        switch subscriber.outbox.yield(text) {
        case .enqueued: break
        case .dropped:  // too slow to keep up
            onDrop()
            disconnect(id)
        case .terminated: disconnect(id)  // already gone
        @unknown default: disconnect(id)
        }
    }
}
