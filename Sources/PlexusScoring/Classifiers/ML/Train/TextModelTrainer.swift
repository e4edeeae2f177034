import Foundation
import PlexusStats

/// Trains a text classifier from labelled texts: a stratified, seeded held-out split; TF-IDF
/// features fitted on the training part; logistic regression (fitted with ``LBFGS``) or
/// multinomial naive Bayes; for naive Bayes a temperature fitted on the held-out part; and
/// held-out metrics from PlexusStats. The model is trained on the training part only, so the
/// held-out metrics and the calibration describe the model that is returned.
public struct TextModelTrainer: Sendable {
    /// What to train with.
    public var settings: TextModelSettings

    /// Creates a trainer.
    public init(settings: TextModelSettings = TextModelSettings()) {
        self.settings = settings
    }

    /// Trains on `examples`. With `testSize` 0 every example trains the model and nothing is evaluated.
    public func train(_ examples: [(text: String, label: String)]) throws(TextModelTrainingError) -> TrainedTextModel {
        try TextModelSettingsCheck.check(settings)
        let classes = Set(examples.map(\.label)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard classes.count >= 2 else { throw .needsTwoClasses(found: classes) }
        let number = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let labels = examples.map { number[$0.label]! }
        let split = StratifiedSplit(labels: labels, classCount: classes.count, testSize: settings.testSize, seed: settings.seed)
        let trainingLabels = split.training.map { labels[$0] }
        guard Set(trainingLabels).count >= 2 else { throw .needsTwoClasses(found: Array(Set(trainingLabels.map { classes[$0] })).sorted()) }

        let vectorizer = try TfidfFitter.fit(
            split.training.map { examples[$0].text }, ngramRange: settings.ngramRange, minDF: settings.minDF,
            maxFeatures: settings.maxFeatures, sublinearTF: settings.sublinearTF)
        let matrix = FeatureMatrix(rows: split.training.map { vectorizer.transform(examples[$0].text) }, columnCount: vectorizer.featureCount)
        let (weights, intercepts) = fitWeights(matrix, labels: trainingLabels, classCount: classes.count)

        let heldOutTexts = split.heldOut.map { examples[$0].text }
        let heldOutLabels = split.heldOut.map { labels[$0] }
        var calibration: TextModelCalibration?
        if settings.algorithm == .naiveBayes, !heldOutTexts.isEmpty {
            let scores = heldOutTexts.map { text in Self.linearScores(vectorizer.transform(text), weights, intercepts) }
            calibration = TextModelCalibration(temperature: TemperatureFit.fit(scores: scores, labels: heldOutLabels), fittedOn: heldOutTexts.count)
        }
        let classCounts = Dictionary(labels.map { (classes[$0], 1) }, uniquingKeysWith: +)
        var model = TrainedTextModel(
            algorithm: settings.algorithm, settings: settings, classes: classes, vocabulary: vectorizer.vocabulary, idf: vectorizer.idf,
            weights: weights, intercepts: intercepts, calibration: calibration,
            evaluation: HeldOutEvaluation(trainingCount: split.training.count, heldOutCount: 0, classCounts: classCounts, metrics: nil, logLoss: nil))
        model.evaluation = Self.evaluate(TextModel(model), texts: heldOutTexts, labels: heldOutLabels, base: model.evaluation)
        return model
    }

    /// Logistic regression or naive Bayes weight rows and intercepts for the training matrix.
    private func fitWeights(_ matrix: FeatureMatrix, labels: [Int], classCount: Int) -> (weights: [[Double]], intercepts: [Double]) {
        switch settings.algorithm {
        case .naiveBayes:
            return NaiveBayesFit.fit(matrix, labels: labels, classCount: classCount, alpha: settings.alpha)
        case .logisticRegression:
            let objective = LogisticObjective(matrix: matrix, labels: labels, classCount: classCount, c: settings.c)
            let result = LBFGS().minimize(from: [Double](repeating: 0, count: objective.parameterCount)) { point, gradient in
                objective.evaluate(point, gradient: &gradient)
            }
            let outputs = objective.outputs
            let weights = (0..<outputs).map { k in (0..<matrix.columnCount).map { result.point[$0 * outputs + k] } }
            return (weights, Array(result.point.suffix(outputs)))
        }
    }

    /// `x · row + intercept` for each weight row.
    private static func linearScores(_ features: SparseVector, _ weights: [[Double]], _ intercepts: [Double]) -> [Double] {
        zip(weights, intercepts).map { row, intercept in
            zip(features.indices, features.values).reduce(intercept) { $0 + $1.1 * row[$1.0] }
        }
    }

    /// `base` completed with the metrics and log-loss of `model` on the held-out texts.
    private static func evaluate(_ model: TextModel, texts: [String], labels: [Int], base: HeldOutEvaluation) -> HeldOutEvaluation {
        var evaluation = base
        evaluation.heldOutCount = texts.count
        guard !texts.isEmpty else { return evaluation }
        let predictions = model.predict(texts)
        let actual = labels.map { model.classes[$0] }
        evaluation.metrics = (try? ConfusionMatrix(actual: actual, predicted: predictions.map(\.label), labels: model.classes)).map(ClassificationMetrics.init)
        let loss = zip(predictions, labels).reduce(0.0) { $0 - log(max($1.0.probabilities[$1.1], 1e-300)) }
        evaluation.logLoss = loss / Double(texts.count)
        return evaluation
    }
}
