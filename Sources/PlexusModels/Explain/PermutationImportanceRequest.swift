import PlexusCore

/// A permutation importance request read from the JSON a client sends: the rows (`rows` or
/// `inputs`, as for a prediction), their true `targets`, the `scoring` (accuracy for classifiers
/// and r2 for regressors by default), `nRepeats` (5, scikit-learn's default) and `seed` (0).
public struct PermutationImportanceRequest: Sendable {
    /// The most rows one request scores.
    public static let rowLimit = 10_000

    public let importance: PermutationImportance
    public let rows: FeatureMatrix
    public let targets: [JSONValue]
    public let scoring: PermutationImportance.Scoring
    public let repeats: Int
    public let seed: UInt64

    /// Reads `body` for `model`, whose columns `features` names.
    /// - Throws: ``ModelError/invalidRequest(field:message:)`` naming the offending field, or
    ///   ``ModelError/notExplainable(method:reason:)`` when the model has no single numeric matrix input.
    public init(_ body: JSONValue, model: ONNXModel, features: [String]?) throws(ModelError) {
        guard case let .object(members) = body else {
            throw .invalidRequest(field: "rows", message: "Send a JSON object: {\"rows\": […], \"targets\": […], \"scoring\": \"accuracy\"}.")
        }
        importance = try PermutationImportance(model: model)
        let classifier = model.outputs.count >= 2
        if let given = members["scoring"] {
            guard let name = given.stringValue, let chosen = PermutationImportance.Scoring(rawValue: name) else {
                throw .invalidRequest(field: "scoring", message: "scoring is one of \(PermutationImportance.Scoring.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            scoring = chosen
        } else {
            scoring = classifier ? .accuracy : .r2
        }
        repeats = try Self.whole(members["nRepeats"] ?? members["n_repeats"], field: "nRepeats", default: 5, range: 1 ... 100)
        seed = UInt64(try Self.whole(members["seed"], field: "seed", default: 0, range: 0 ... Int(1) << 52))
        rows = try ExplanationRequest.matrix(body, field: "", limit: Self.rowLimit, input: importance.inputName, width: importance.featureCount,
                                             model: model, features: features)
        guard case let .array(targets)? = members["targets"] else {
            throw .invalidRequest(field: "targets", message: "Send the true target of each row: {\"targets\": [\"churn\", \"stay\", …]} (labels for a classifier, numbers for a regressor).")
        }
        self.targets = targets
        let evaluations = rows.rows * (rows.columns * repeats + 1)
        guard evaluations <= PermutationImportance.evaluationLimit else {
            throw .invalidRequest(field: "nRepeats", message:
                "\(rows.rows) rows × (\(rows.columns) features × \(repeats) repeats + 1) is \(evaluations) model evaluations, more than \(PermutationImportance.evaluationLimit) in one request; send fewer rows or repeats.")
        }
    }

    /// Computes the importances with shuffles drawn from the seed.
    public func compute() throws(ModelError) -> PermutationImportance.Result {
        try importance.compute(rows, targets: targets, scoring: scoring, shuffles: PermutationImportance.shuffles(rows: rows.rows, repeats: repeats, seed: seed))
    }

    private static func whole(_ value: JSONValue?, field: String, default fallback: Int, range: ClosedRange<Int>) throws(ModelError) -> Int {
        guard let value else { return fallback }
        guard let number = value.numberValue, number.rounded() == number, number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            throw .invalidRequest(field: field, message: "\(field) is a whole number, \(range.lowerBound)–\(range.upperBound).")
        }
        return Int(number)
    }
}
