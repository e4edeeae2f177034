import PlexusCore

/// An explanation request read from the JSON a client sends: the rows to explain (`rows` or
/// `inputs`, as for a prediction), the `method` (tree_shap by default, kernel_shap or lime), the `background` rows
/// the explanation compares them with (`{"rows": […]}` or `{"inputs": {…}}`), and the method's
/// own settings beside them.
public struct ExplanationRequest: Sendable {
    /// The most rows one request explains while the client waits.
    public static let rowLimit = 1_000
    /// The most rows an explanation job explains.
    public static let jobRowLimit = 10_000
    /// The most background rows one request may carry.
    public static let backgroundLimit = 1_000

    /// The method's name.
    public let method: String
    /// The explainer for the model.
    public let explainer: any ModelExplainer
    /// The rows to explain.
    public let rows: FeatureMatrix
    /// The rows the explanation compares them with.
    public let background: FeatureMatrix
    /// The request's members, where the method reads its settings.
    public let options: [String: JSONValue]

    /// Reads `body` for `model`, whose columns `features` names, refusing more than `rowLimit` rows.
    /// - Throws: ``ModelError/invalidRequest(field:message:)`` naming the offending field, or
    ///   ``ModelError/notExplainable(method:reason:)`` when the method cannot explain the model.
    public init(_ body: JSONValue, model: ONNXModel, features: [String]?, registry: ExplainerRegistry = .standard, rowLimit: Int = Self.rowLimit) throws(ModelError) {
        guard case let .object(members) = body else {
            throw .invalidRequest(field: "rows", message: "Send a JSON object: {\"method\": \"tree_shap\", \"rows\": […], \"background\": {\"rows\": […]}}.")
        }
        if let given = members["method"], given.stringValue == nil {
            throw .invalidRequest(field: "method", message: "method is a name: one of \(registry.methods.joined(separator: ", ")).")
        }
        method = members["method"]?.stringValue ?? registry.methods[0]
        explainer = try registry.explainer(method, for: model)
        options = members
        rows = try Self.matrix(body, field: "", limit: rowLimit, input: explainer.inputName, width: explainer.featureCount, model: model, features: features)
        guard let background = members["background"] else {
            throw .invalidRequest(field: "background", message:
                "Send background rows ({\"background\": {\"rows\": […]}}), such as a sample of the training data: an exported model carries no record of the data it was fitted on.")
        }
        self.background = try Self.matrix(background, field: "background.", limit: Self.backgroundLimit, input: explainer.inputName, width: explainer.featureCount,
                                          model: model, features: features)
    }

    /// Checks the method's settings and budget for the rows without explaining them: what
    /// ``explain()`` would refuse, for a request about to be queued as a job.
    public func check() throws(ModelError) {
        try explainer.check(rowCount: rows.rows, background: background, options: options)
    }

    /// Explains the rows.
    public func explain() throws(ModelError) -> (Explanation, settings: [String: JSONValue]) {
        try explainer.explain(rows, background: background, options: options)
    }

    /// The numeric matrix input `input` (`width` features) from a `rows` or `inputs` body, with at most `limit` rows.
    static func matrix(_ body: JSONValue, field prefix: String, limit: Int, input: String, width: Int, model: ONNXModel,
                       features: [String]?) throws(ModelError) -> FeatureMatrix {
        let inputs: [String: ONNXValue]
        let count: Int
        do {
            (inputs, count) = try PredictionRequest.inputs(from: body, model: model, features: features)
        } catch let .invalidRequest(field, message) {
            throw .invalidRequest(field: prefix + field, message: prefix.isEmpty ? message : "background: \(message)")
        }
        let field = prefix + (body["rows"] != nil ? "rows" : "inputs.\(input)")
        guard count <= limit else { throw .invalidRequest(field: field, message: "Send at most \(limit) rows here; got \(count).") }
        guard let tensor = inputs[input]?.tensor, let values = tensor.floats else {
            throw .invalidRequest(field: field, message: "This reads the numeric input '\(input)'.")
        }
        let columns = tensor.shape.last ?? 0
        guard tensor.shape.count <= 2, columns == width, columns > 0 else {
            throw .invalidRequest(field: field, message: "Rows of '\(input)' need \(width) features; got shape \(tensor.shape).")
        }
        return FeatureMatrix(values: values, rows: values.count / columns, columns: columns)
    }
}
