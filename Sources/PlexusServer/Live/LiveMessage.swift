/// A message a client sends on the live-update socket:
/// `{"type":"subscribe"|"unsubscribe","topic":"evaluation"|"scorecard"|"performance"|"alerts","id":"…"}`.
struct LiveMessage: Decodable, Sendable {
    let type: String
    let topic: String?
    let id: String?

    /// The topic to (un)subscribe, or a message saying what is wrong with the request.
    func parse() -> Result<(subscribe: Bool, topic: LiveTopic), LiveMessageError> {
        guard type == "subscribe" || type == "unsubscribe" else {
            return .failure(LiveMessageError("Unknown message type '\(type)'; send \"subscribe\" or \"unsubscribe\"."))
        }
        let topics = LiveTopic.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        guard let topic, let kind = LiveTopic.Kind(rawValue: topic) else {
            return .failure(LiveMessageError("Unknown or missing topic '\(topic ?? "")'; use one of \(topics)."))
        }
        if kind.needsID, (id ?? "").isEmpty {
            return .failure(LiveMessageError("Topic '\(topic)' needs the \(topic)'s id."))
        }
        return .success((type == "subscribe", LiveTopic(kind: kind, id: kind.needsID ? id : nil)))
    }
}

/// Why a client's message was refused; sent back as `{"type":"error","message":…}`.
struct LiveMessageError: Error, Sendable {
    let message: String

    init(_ message: String) { self.message = message }
}
