/// A message a client sends on the live-update socket:
/// `{"type":"subscribe"|"unsubscribe","topic":"evaluation"|"scorecard"|"performance"|"alerts"|"model","id":"…"}`,
/// or the seed's `{"type":"subscribe_model"|"unsubscribe_model","model_id":"…"}`.
struct LiveMessage: Decodable, Sendable {
    let type: String
    let topic: String?
    let id: String?
    let modelId: String?

    private enum CodingKeys: String, CodingKey {
        case type, topic, id
        case modelId = "model_id"
    }

    init(type: String, topic: String?, id: String?, modelId: String? = nil) {
        self.type = type
        self.topic = topic
        self.id = id
        self.modelId = modelId
    }

    /// The topic to (un)subscribe, or a message saying what is wrong with the request.
    func parse() -> Result<(subscribe: Bool, topic: LiveTopic), LiveMessageError> {
        if type == "subscribe_model" || type == "unsubscribe_model" {
            guard let model = modelId ?? id, !model.isEmpty else {
                return .failure(LiveMessageError("\(type) needs the model: {\"type\":\"\(type)\",\"model_id\":\"churn\"} (an ID, name@version or name)."))
            }
            return .success((type == "subscribe_model", LiveTopic(kind: .model, id: model)))
        }
        guard type == "subscribe" || type == "unsubscribe" else {
            return .failure(LiveMessageError("Unknown message type '\(type)'; send \"subscribe\", \"unsubscribe\", \"subscribe_model\" or \"unsubscribe_model\"."))
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
