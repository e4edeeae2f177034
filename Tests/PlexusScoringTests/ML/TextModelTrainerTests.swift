import Foundation
import PlexusScoring
import Testing

@Suite("ml: training")
struct TextModelTrainerTests {
    @Test("Both algorithms separate a separable corpus on held-out texts", arguments: TextModelAlgorithm.allCases)
    func heldOutAccuracy(_ algorithm: TextModelAlgorithm) throws {
        let model = try MLFactories.trainedArtifact(algorithm)
        let metrics = try #require(model.evaluation.metrics)
        #expect(metrics.accuracy >= 0.95)
        #expect(metrics.total == model.evaluation.heldOutCount)
    }

    @Test("The held-out split is stratified: each class gives test_size of its texts")
    func stratifiedCounts() throws {
        let model = try MLFactories.trainedArtifact()
        #expect(model.evaluation.classCounts == ["billing": 40, "support": 40])
        #expect(model.evaluation.heldOutCount == 16)
        #expect(model.evaluation.trainingCount == 64)
        #expect(model.evaluation.metrics?.perClass.map(\.support) == [8, 8])
    }

    @Test("The same seed gives the same model; another seed another split")
    func seededSplit() throws {
        let corpus = MLFactories.separableCorpus()
        let first = try TextModelTrainer(settings: TextModelSettings(seed: 7)).train(corpus)
        let again = try TextModelTrainer(settings: TextModelSettings(seed: 7)).train(corpus)
        let other = try TextModelTrainer(settings: TextModelSettings(seed: 8)).train(corpus)
        #expect(first == again)
        #expect(first.weights != other.weights)
    }

    @Test("Naive Bayes gets a temperature fitted on the held-out texts; logistic regression none")
    func calibration() throws {
        let bayes = try MLFactories.trainedArtifact(.naiveBayes)
        let calibration = try #require(bayes.calibration)
        #expect(calibration.fittedOn == 16)
        #expect(calibration.temperature > 0)
        #expect(try MLFactories.trainedArtifact(.logisticRegression).calibration == nil)
    }

    @Test("The fitted temperature lowers the held-out log-loss of naive Bayes")
    func temperatureHelps() throws {
        let settings = TextModelSettings(algorithm: .naiveBayes, alpha: 0.01)
        let noisy = MLFactories.separableCorpus().enumerated().map { index, example in
            (text: example.text, label: index % 7 == 0 ? (example.label == "billing" ? "support" : "billing") : example.label)
        }
        let calibrated = try TextModelTrainer(settings: settings).train(noisy)
        var uncalibrated = calibrated
        uncalibrated.calibration = nil
        let heldOutLoss = try #require(calibrated.evaluation.logLoss)
        let corpus = noisy.map(\.text)
        let rawLoss = zip(TextModel(uncalibrated).predict(corpus), noisy).map { prediction, example in
            -log(prediction.probabilities[uncalibrated.classes.firstIndex(of: example.label)!])
        }
        let calibratedLoss = zip(TextModel(calibrated).predict(corpus), noisy).map { prediction, example in
            -log(prediction.probabilities[calibrated.classes.firstIndex(of: example.label)!])
        }
        #expect(heldOutLoss.isFinite)
        #expect(calibratedLoss.reduce(0, +) < rawLoss.reduce(0, +))
    }

    @Test("One class only is an error naming it")
    func singleClass() {
        #expect(throws: TextModelTrainingError.needsTwoClasses(found: ["billing"])) {
            try TextModelTrainer().train([(text: "refund please", label: "billing"), (text: "invoice", label: "billing")])
        }
    }

    @Test("A C of zero is refused")
    func invalidC() {
        #expect(throws: TextModelTrainingError.invalidSetting(name: "c", value: "0.0", expected: "a number above 0")) {
            try TextModelTrainer(settings: TextModelSettings(c: 0)).train(MLFactories.separableCorpus())
        }
    }
}
