import PlexusCore

/// A way of explaining a model's predictions (`tree_shap`, …): it attributes each output of each
/// row to the input's features, against background rows. A new method is one type conforming to
/// this protocol and one line in ``ExplainerRegistry/standard``.
public protocol ModelExplainer: Sendable {
    /// The method's name in requests, such as `tree_shap`.
    static var method: String { get }

    /// Prepares to explain `model`.
    /// - Throws: ``ModelError/notExplainable(method:reason:)`` when the method cannot explain it.
    init(model: ONNXModel) throws(ModelError)

    /// The model input whose features are attributed.
    var inputName: String { get }
    /// How many features a row has.
    var featureCount: Int { get }

    /// Explains `rows` against `background`, reading the method's settings from `options` (the
    /// request's members). Returns the explanation and the settings used, defaults included.
    func explain(_ rows: FeatureMatrix, background: FeatureMatrix, options: [String: JSONValue]) throws(ModelError) -> (Explanation, settings: [String: JSONValue])

    /// Checks the settings in `options` and that explaining `rowCount` rows against `background`
    /// is within the method's budget, without explaining anything: what ``explain(_:background:options:)``
    /// would refuse. The budget counts at most ``ExplanationRequest/rowLimit`` rows, so an
    /// explanation job of more rows may do that many times one request's work.
    func check(rowCount: Int, background: FeatureMatrix, options: [String: JSONValue]) throws(ModelError)
}

extension ModelExplainer {
    /// The rows a budget counts: at most one request's worth.
    static func budgetedRows(_ rowCount: Int) -> Int { min(rowCount, ExplanationRequest.rowLimit) }
}

/// The explanation methods Plexus offers, by name.
public struct ExplainerRegistry: Sendable {
    private let explainers: [String: any ModelExplainer.Type]

    /// The methods, in the order they are listed in messages.
    public let methods: [String]

    private init(_ types: [any ModelExplainer.Type]) {
        methods = types.map { $0.method }
        explainers = Dictionary(uniqueKeysWithValues: types.map { ($0.method, $0) })
    }

    /// Every method Plexus ships.
    public static let standard = ExplainerRegistry([
        TreeShapExplainer.self,
        KernelShapExplainer.self,
        LimeExplainer.self,
    ])

    /// The explainer of `method` for `model`.
    /// - Throws: ``ModelError/invalidRequest(field:message:)`` for an unknown method, or the
    ///   method's refusal of the model.
    public func explainer(_ method: String, for model: ONNXModel) throws(ModelError) -> any ModelExplainer {
        guard let type = explainers[method] else {
            throw .invalidRequest(field: "method", message: "method is one of \(methods.joined(separator: ", ")); got '\(method)'.")
        }
        return try type.init(model: model)
    }
}
