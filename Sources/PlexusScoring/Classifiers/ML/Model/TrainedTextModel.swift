import Foundation

/// A trained text classifier as stored: everything needed to predict (vocabulary, idf, weights,
/// classes, calibration), the settings it was trained with, and how it did on held-out texts.
/// Written and read as JSON by ``encoded()`` and ``decode(_:)``.
///
/// `weights` holds one row per output, each as long as the vocabulary: for logistic regression
/// with two classes a single row scoring `classes[1]` (probability = sigmoid), otherwise one row
/// per class (probabilities = softmax). For naive Bayes each row is the class's feature log
/// probabilities and each intercept its log prior.
public struct TrainedTextModel: Sendable, Hashable, Codable {
    /// The artifact format this code writes; ``decode(_:)`` reads only this one.
    public static let currentFormatVersion = 1

    /// The artifact format.
    public var formatVersion: Int
    /// The learning algorithm.
    public var algorithm: TextModelAlgorithm
    /// The settings it was trained with.
    public var settings: TextModelSettings
    /// The classes, in code-point order (scikit-learn's `classes_`).
    public var classes: [String]
    /// The TF-IDF vocabulary, in column order.
    public var vocabulary: [String]
    /// The idf of each column.
    public var idf: [Double]
    /// One row of per-column weights per output (see the type's description).
    public var weights: [[Double]]
    /// One intercept per output.
    public var intercepts: [Double]
    /// Temperature scaling fitted on held-out texts; `nil` when probabilities are used as they are.
    public var calibration: TextModelCalibration?
    /// Held-out metrics and counts.
    public var evaluation: HeldOutEvaluation

    /// Creates an artifact.
    public init(
        algorithm: TextModelAlgorithm, settings: TextModelSettings, classes: [String], vocabulary: [String], idf: [Double],
        weights: [[Double]], intercepts: [Double], calibration: TextModelCalibration?, evaluation: HeldOutEvaluation
    ) {
        formatVersion = Self.currentFormatVersion
        self.algorithm = algorithm
        self.settings = settings
        self.classes = classes
        self.vocabulary = vocabulary
        self.idf = idf
        self.weights = weights
        self.intercepts = intercepts
        self.calibration = calibration
        self.evaluation = evaluation
    }

    /// The artifact as JSON.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// Reads an artifact written by ``encoded()``, checking its format version and shape.
    public static func decode(_ data: Data) throws(TextModelArtifactError) -> TrainedTextModel {
        let model: TrainedTextModel
        do {
            model = try JSONDecoder().decode(TrainedTextModel.self, from: data)
        } catch {
            throw .unreadable(reason: "\(error)")
        }
        guard model.formatVersion == currentFormatVersion else {
            throw .unsupportedFormat(found: model.formatVersion, supported: currentFormatVersion)
        }
        try model.checkShape()
        return model
    }

    private func checkShape() throws(TextModelArtifactError) {
        let outputs = algorithm == .logisticRegression && classes.count == 2 ? 1 : classes.count
        guard classes.count >= 2 else { throw .inconsistent(reason: "it has \(classes.count) classes; at least 2 are needed") }
        guard Set(classes).count == classes.count else { throw .inconsistent(reason: "its classes \(classes) repeat a name") }
        do { try TextModelSettingsCheck.check(settings) } catch { throw .inconsistent(reason: "its settings are invalid: \(error)") }
        guard idf.count == vocabulary.count else {
            throw .inconsistent(reason: "\(idf.count) idf values for \(vocabulary.count) terms")
        }
        guard weights.count == outputs, intercepts.count == outputs else {
            throw .inconsistent(reason: "\(weights.count) weight rows and \(intercepts.count) intercepts; expected \(outputs) for \(classes.count) classes")
        }
        if let row = weights.firstIndex(where: { $0.count != vocabulary.count }) {
            throw .inconsistent(reason: "weight row \(row) has \(weights[row].count) values for \(vocabulary.count) terms")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case algorithm, settings, classes, vocabulary, idf, weights, intercepts, calibration, evaluation
        case formatVersion = "format_version"
    }
}
