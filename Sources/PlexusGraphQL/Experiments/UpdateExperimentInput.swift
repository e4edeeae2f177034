import PlexusCore

/// The `input` of `updateExperiment`: the experiment's ID and the fields to change, with JSON
/// fields as strings.
struct UpdateExperimentInput: Decodable, Sendable {
    let id: ID
    let status: String?
    let progress: Double?
    let processedItems: Int?
    let totalItems: Int?
    let accuracy: Double?
    let metrics: String?
    let confusionMatrix: String?
    let errorMessage: String?
    let errorDetails: String?

    /// The domain update; the store checks it against the experiment's current status. The fields
    /// its errors name are relative to the input.
    func update() throws -> EvaluationUpdate {
        EvaluationUpdate(
            status: try status.map(Self.status), progress: progress, processedItems: processedItems, totalItems: totalItems,
            accuracy: accuracy, metrics: try metrics.map { try JSONValue(awsJSON: $0, field: "metrics") },
            confusionMatrix: try confusionMatrix.map { try JSONValue(awsJSON: $0, field: "confusionMatrix") },
            errorMessage: errorMessage, errorDetails: try errorDetails.map { try JSONValue(awsJSON: $0, field: "errorDetails") }
        )
    }

    private static func status(_ text: String) throws -> EvaluationStatus {
        guard let status = EvaluationStatus(rawValue: text) else {
            let names = EvaluationStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw DomainError.invalid(field: "status", message: "Must be one of \(names); got '\(text)'.")
        }
        return status
    }
}
