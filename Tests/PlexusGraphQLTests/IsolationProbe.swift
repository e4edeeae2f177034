import GraphQL

/// One query or mutation aimed at the owner's data, sent the same way by both accounts.
enum IsolationProbe: String, CaseIterable, CustomStringConvertible, Sendable {
    case getAccount, getScorecard, getScorecardById, listScorecards, getScoreResult, listScoreResults
    case getExperiment, listExperiments, getItem
    case createScoreResultOnTheirScorecard, createScoreResultForTheirItem, createScoreResultInTheirExperiment
    case updateScoreResult, createExperiment, updateExperiment

    var description: String { rawValue }

    /// Whether the probe writes, so the intruder must get an error rather than an empty answer.
    var isMutation: Bool {
        switch self {
        case .createScoreResultOnTheirScorecard, .createScoreResultForTheirItem, .createScoreResultInTheirExperiment,
             .updateScoreResult, .createExperiment, .updateExperiment:
            return true
        default:
            return false
        }
    }

    /// The document and variables of the probe.
    func request(in scene: IsolationScene) -> (query: String, variables: [String: Map]) {
        let scorecardID = Map.string(scene.owner.scorecard.id.rawValue)
        switch self {
        case .getAccount: return (Operations.getAccount, ["id": .string(scene.owner.account.id.rawValue)])
        case .getScorecard: return (Operations.getScorecard, ["key": "call-qa"])
        case .getScorecardById: return (Operations.getScorecardById, ["id": scorecardID])
        case .listScorecards: return (Operations.listScorecards, [:])
        case .getScoreResult: return (Operations.getScoreResult, ["id": .string(scene.resultID)])
        case .listScoreResults: return (Operations.listScoreResults, [:])
        case .getExperiment: return (Operations.getExperiment, ["id": .string(scene.experimentID)])
        case .listExperiments: return (Operations.listExperiments, [:])
        case .getItem: return (Operations.getItem, ["id": .string(scene.itemID)])
        case .createScoreResultOnTheirScorecard:
            return (Operations.createScoreResult, ["input": ["scorecardId": scorecardID, "scoreKey": "greeting", "itemExternalId": "x", "value": "No"]])
        case .createScoreResultForTheirItem:
            return (Operations.createScoreResult, ["input": ["scorecardKey": "call-qa", "scoreKey": "greeting", "itemId": .string(scene.itemID), "value": "No"]])
        case .createScoreResultInTheirExperiment:
            return (Operations.createScoreResult, ["input": [
                "scorecardKey": "call-qa", "scoreKey": "greeting", "itemExternalId": "x", "value": "No",
                "evaluationId": .string(scene.experimentID),
            ]])
        case .updateScoreResult: return (Operations.updateScoreResult, ["input": ["id": .string(scene.resultID), "value": "No"]])
        case .createExperiment: return (Operations.createExperiment, ["input": ["scorecardId": scorecardID]])
        case .updateExperiment: return (Operations.updateExperiment, ["input": ["id": .string(scene.experimentID), "status": "RUNNING"]])
        }
    }
}
