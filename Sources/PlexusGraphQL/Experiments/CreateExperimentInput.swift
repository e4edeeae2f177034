import PlexusCore

/// The `input` of `createExperiment`: the fields of the REST body, with `parameters` as a JSON string.
struct CreateExperimentInput: Decodable, Sendable {
    let type: String?
    let scorecardId: ID?
    let scorecardKey: String?
    let scoreId: ID?
    let scoreKey: String?
    let parameters: String?
    let totalItems: Int?

    /// The domain draft, checked; the fields its errors name are relative to the input.
    func draft() throws -> EvaluationDraft {
        try EvaluationInput(
            type: type, scorecardId: scorecardId?.rawValue, scorecardKey: scorecardKey, scoreId: scoreId?.rawValue,
            scoreKey: scoreKey, parameters: try parameters.map { try JSONValue(awsJSON: $0, field: "parameters") },
            totalItems: totalItems
        ).draft()
    }

    /// The input's name for a field the store names, e.g. `scorecard` is `scorecardKey` when the
    /// input named the scorecard by key.
    func field(forStoreField field: String) -> String {
        switch field {
        case "scorecard": return scorecardId == nil ? "scorecardKey" : "scorecardId"
        case "score": return scoreId == nil ? "scoreKey" : "scoreId"
        default: return field
        }
    }
}
