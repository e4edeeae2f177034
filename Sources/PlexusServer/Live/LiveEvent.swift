import Foundation
import PlexusCore
import PlexusMonitoring

/// A message the server pushes on the live-update socket.
enum LiveEvent: Sendable {
    case evaluationUpdated(Evaluation)
    case scoreResultsCreated(scorecardID: Identifier<Scorecard>, count: Int)
    case performanceUpdated(count: Int)
    case alert(AlertEvent)
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
    }

    /// The JSON text sent to clients, e.g. `{"type":"evaluation.updated","evaluation":{…}}`.
    func json() -> String {
        let body: Body = switch self {
        case .evaluationUpdated(let evaluation): Body(type: "evaluation.updated", evaluation: evaluation)
        case .scoreResultsCreated(let scorecardID, let count): Body(type: "score_result.created", scorecardId: scorecardID.rawValue, count: count)
        case .performanceUpdated(let count): Body(type: "performance.updated", count: count)
        case .alert(let event): Body(type: event.kind.rawValue, alert: event.alert)
        case .subscribed(let topic): Body(type: "subscribed", topic: topic.kind.rawValue, id: topic.id)
        case .unsubscribed(let topic): Body(type: "unsubscribed", topic: topic.kind.rawValue, id: topic.id)
        case .error(let message): Body(type: "error", message: message)
        }
        let data = (try? PlexusJSON.encoder().encode(body)) ?? Data(#"{"type":"error","message":"unencodable event"}"#.utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
