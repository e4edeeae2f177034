@testable import PlexusClient
import PlexusCore
import PlexusScoring
import PlexusStats
import Testing

@Suite("Client logic that needs no server")
struct PureLogicTests {
    @Test("Retry delays grow exponentially, stay within their jitter band, and are capped")
    func retryDelays() {
        let policy = RetryPolicy(maxAttempts: 10, initialDelay: .milliseconds(100), maxDelay: .seconds(1))
        var random = SeededRandomNumberGenerator(seed: 3)
        for (attempt, full) in [(2, 100), (3, 200), (4, 400), (5, 800), (6, 1000), (9, 1000)] {
            let delay = policy.delay(beforeAttempt: attempt, using: &random)
            #expect(delay >= .milliseconds(full / 2) && delay <= .milliseconds(full), "attempt \(attempt): \(delay)")
        }
    }

    @Test("Simulated predictions are right about as often as the target accuracy")
    func predictionAccuracy() {
        var random = SeededRandomNumberGenerator(seed: 11)
        let draws = (0..<4000).map { _ in SimulatedPrediction.draw(classes: ["Yes", "No"], accuracy: 0.85, using: &random) }
        let rate = Double(draws.filter(\.isCorrect).count) / Double(draws.count)
        #expect(abs(rate - 0.85) < 0.03)
        #expect(draws.allSatisfy { (0.7...0.99).contains($0.confidence) })
        #expect(Set(draws.map(\.truth)) == ["Yes", "No"])
    }

    @Test("Accuracy 0 and 1 give predictions that are always wrong or always right")
    func extremeAccuracy() {
        var random = SeededRandomNumberGenerator(seed: 5)
        #expect((0..<200).allSatisfy { _ in SimulatedPrediction.draw(classes: ["A", "B", "C"], accuracy: 1, using: &random).isCorrect })
        #expect((0..<200).allSatisfy { _ in !SimulatedPrediction.draw(classes: ["A", "B", "C"], accuracy: 0, using: &random).isCorrect })
    }

    @Test("Evaluation metrics JSON carries PlexusStats' numbers and the matrix rows")
    func metricsJSON() throws {
        let matrix = try ConfusionMatrix(labels: ["Yes", "No"], counts: [[8, 2], [1, 9]])
        let metrics = EvaluationMetrics(matrix, positiveClass: "Yes")
        let stats = ClassificationMetrics(matrix)
        #expect(metrics.json["accuracy"] == .number(0.85))
        #expect(metrics.json["precision"] == .number(8.0 / 9.0))
        #expect(metrics.json["recall"] == .number(0.8))
        #expect(metrics.json["specificity"] == .number(0.9))
        #expect(metrics.json["kappa"] == .number(stats.cohensKappa))
        #expect(metrics.json["positiveClass"] == .string("Yes"))
        #expect(metrics.confusionMatrixJSON == .object(["labels": .array([.string("Yes"), .string("No")]),
                                                       "matrix": .array([.array([.number(8), .number(2)]), .array([.number(1), .number(9)])])]))
    }

    @Test("Path segments and query values are percent-encoded except unreserved characters")
    func urlEncoding() {
        #expect(URLEncoding.encode("a+b/c d=é") == "a%2Bb%2Fc%20d%3D%C3%A9")
        #expect(URLEncoding.url(base: "http://h:1", path: ["scorecards", "call-qa"], query: [("cursor", "x+y")])
            == "http://h:1/api/v1/scorecards/call-qa?cursor=x%2By")
    }

    @Test("A permanent rejection's field points at the one result to drop")
    func rejectedIndex() {
        #expect(BatchSender.rejectedIndex(.api(status: 422, code: "not_found", message: "", field: "scoreResults[12].evaluationId")) == 12)
        #expect(BatchSender.rejectedIndex(.api(status: 400, code: "invalid_value", message: "", field: "scoreResults")) == nil)
        #expect(BatchSender.rejectedIndex(.api(status: 503, code: "x", message: "", field: "scoreResults[1].value")) == nil)
    }
}
