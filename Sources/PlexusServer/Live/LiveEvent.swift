import Foundation
import PlexusCore
import PlexusMonitoring

/// A message the server pushes on the live-update socket.
enum LiveEvent: Sendable {
    case evaluationUpdated(Evaluation)
    case scoreResultsCreated(scorecardID: Identifier<Scorecard>, count: Int)
    case performanceUpdated(count: Int)
    case alert(AlertEvent)
    /// Predictions of a model logged since the last flush: how many, and the first few.
    case predictionsLogged(model: ModelPrediction.Version, count: Int, predictions: [JSONValue])
    case explanationCompleted(ModelExplanationSummary)
    /// An alert of a monitor that watches a model's predictions (the series `model.<name>`).
    case modelAlert(model: String, AlertEvent)
    case subscribed(LiveTopic)
    case unsubscribed(LiveTopic)
    case error(String)

    private struct Body: Encodable {
        let type: String
        var evaluation: Evaluation?
        var scorecardId: String?
        var count: Int?
        var alert: Alert?
        var topic: String?
        var id: String?
        var message: String?
        var modelId: String?
        var model: ModelPrediction.Version?
        var predictions: [JSONValue]?
        var explanation: ModelExplanationSummary?

        private enum CodingKeys: String, CodingKey {
            case type, evaluation, scorecardId, count, alert, topic, id, message, model, predictions, explanation
            case modelId = "model_id"
        }
    }

    /// The JSON text sent to clients, e.g. `{"type":"evaluation.updated","evaluation":{…}}`.
    func json() -> String {
        let body: Body = switch self {
        case .evaluationUpdated(let evaluation): Body(type: "evaluation.updated", evaluation: evaluation)
        case .scoreResultsCreated(let scorecardID, let count): Body(type: "score_result.created", scorecardId: scorecardID.rawValue, count: count)
        case .performanceUpdated(let count): Body(type: "performance.updated", count: count)
        case .alert(let event): Body(type: event.kind.rawValue, alert: event.alert)
        case .predictionsLogged(let model, let count, let predictions):
            Body(type: "prediction.logged", count: count, modelId: model.id.rawValue, model: model, predictions: predictions)
        case .explanationCompleted(let summary):
            Body(type: "explanation.completed", id: summary.id.rawValue, modelId: summary.model.id.rawValue, model: summary.model, explanation: summary)
        case .modelAlert(let model, let event): Body(type: event.kind.rawValue, alert: event.alert, modelId: model)
        case .subscribed(let topic) where topic.kind == .model: Body(type: "subscribed", topic: topic.kind.rawValue, id: topic.id, modelId: topic.id)
        case .subscribed(let topic): Body(type: "subscribed", topic: topic.kind.rawValue, id: topic.id)
        case .unsubscribed(let topic) where topic.kind == .model: Body(type: "unsubscribed", topic: topic.kind.rawValue, id: topic.id, modelId: topic.id)
        case .unsubscribed(let topic): Body(type: "unsubscribed", topic: topic.kind.rawValue, id: topic.id)
        case .error(let message): Body(type: "error", message: message)
        }
        let data = (try? PlexusJSON.encoder().encode(body)) ?? Data(#"{"type":"error","message":"unencodable event"}"#.utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
