import Foundation
@testable import PlexusModels
import PlexusScoring
import Testing

/// scripts/reference/lime_text_fixtures.py: lime's LimeTextExplainer on a keyword softmax model
/// over 24 sentences. lime's draws cannot be reproduced, so what must agree is what the weights
/// say: the same words in the same order, every weight within 0.02 of lime's (the Monte Carlo
/// spread of 5,000 samples is about 0.005), and each text's weights correlated with lime's.
@Suite("Text LIME agrees with lime")
struct TextLimeTests {
    struct Document: Decodable {
        struct Case: Decodable {
            let text: String
            let label: Int
            let words: [String]
            let weights: [Double]
            let intercept: Double
            let score: Double
            let probabilities: [Double]
        }

        let classes: [String]
        let bias: [Double]
        let weights: [String: [Double]]
        let cases: [Case]

        /// The fixture's model: softmax of bias + the weights of the text's lower-cased words.
        func probabilities(_ text: String) -> [Double] {
            var scores = bias
            for word in text.lowercased().split(whereSeparator: { !WordSplit.isWordCharacter($0) }) {
                guard let weight = weights[String(word)] else { continue }
                for index in scores.indices { scores[index] += weight[index] }
            }
            let largest = scores.max() ?? 0
            let exponentials = scores.map { exp($0 - largest) }
            let total = exponentials.reduce(0, +)
            return exponentials.map { $0 / total }
        }
    }

    static func document() throws -> Document {
        try JSONDecoder().decode(Document.self, from: Data(contentsOf: ONNXZooTests.fixtures().appendingPathComponent("lime_text.json")))
    }

    @Test("Each sentence's word weights agree with lime's, word by word")
    func matchesLime() async throws {
        let document = try Self.document()
        var pooledOurs: [Double] = [], pooledTheirs: [Double] = []
        for (index, reference) in document.cases.enumerated() {
            let explainer = try TextLimeExplainer(seed: UInt64(index))
            let explanation = try await explainer.explain(reference.text, classes: document.classes) { texts in texts.map(document.probabilities) }
            #expect(explanation.words == reference.words, "\(reference.text)")
            #expect(explanation.predictedClass == reference.label)
            for (ours, theirs) in zip(explanation.probabilities, reference.probabilities) { #expect(abs(ours - theirs) < 1e-12) }
            let ours = explanation.weights[reference.label]
            // Words the model ignores get weights of about ±0.005 in both, in no telling order, and
            // "Late" and "late" weigh the same to a model that lower-cases, so ranks say little:
            // the weights must agree linearly.
            let correlation = Self.pearson(ours, reference.weights)
            #expect(correlation >= 0.99, "Pearson \(correlation) for '\(reference.text)': \(ours) vs lime's \(reference.weights)")
            for (a, b) in zip(ours, reference.weights) { #expect(abs(a - b) < 0.02, "'\(reference.text)': \(ours) vs lime's \(reference.weights)") }
            #expect(abs(explanation.scores[reference.label] - reference.score) < 0.05)
            pooledOurs += ours
            pooledTheirs += reference.weights
        }
        #expect(Self.pearson(pooledOurs, pooledTheirs) >= 0.995)
    }

    /// Pearson's correlation of two vectors.
    static func pearson(_ a: [Double], _ b: [Double]) -> Double {
        let (meanA, meanB) = (a.reduce(0, +) / Double(a.count), b.reduce(0, +) / Double(b.count))
        var (product, squaresA, squaresB) = (0.0, 0.0, 0.0)
        for (x, y) in zip(a, b) {
            product += (x - meanA) * (y - meanB)
            squaresA += (x - meanA) * (x - meanA)
            squaresB += (y - meanB) * (y - meanB)
        }
        return product / (squaresA * squaresB).squareRoot()
    }

    @Test("The same seed repeats the weights; words are split as lime splits them")
    func reproducibleAndSplit() async throws {
        let document = try Self.document()
        let text = document.cases[0].text
        let explainer = try TextLimeExplainer(samples: 300, seed: 4)
        let classify: @Sendable ([String]) async throws -> [[Double]] = { $0.map(document.probabilities) }
        let first = try await explainer.explain(text, classes: document.classes, classify: classify)
        #expect(first == (try await explainer.explain(text, classes: document.classes, classify: classify)))
        #expect(first != (try await TextLimeExplainer(samples: 300, seed: 5).explain(text, classes: document.classes, classify: classify)))
        let split = WordSplit("Not bad, not_bad: 2 refunds… café!")
        #expect(split.words == ["Not", "bad", "not_bad", "2", "refunds", "café"])
        #expect(split.text(removing: [false, true, false, true, false, false]) == "Not , not_bad:  refunds… café!")
        await #expect(throws: ModelError.self) { try await explainer.explain(" … ", classes: ["a"], classify: classify) }
        #expect(throws: ModelError.self) { try TextLimeExplainer(samples: 1) }
    }

    @Test("A scorecard's score is explained through its runner: the words its rules match carry the weight")
    func explainsAScore() async throws {
        let definition = try ScorecardParser().parse("""
            key: support
            name: Support
            sections:
              - name: All
                scores:
                  - key: refund
                    name: Asks for a refund
                    classes: [Yes, No]
                    classifier:
                      type: rules
                      outcomes:
                        - class: Yes
                          when: {phrase: "refund"}
                      default: No
                  - key: urgent
                    name: Urgent refund
                    classes: [Yes, No]
                    depends_on:
                      - score: refund
                        when: [Yes]
                    classifier:
                      type: rules
                      outcomes:
                        - class: Yes
                          when: {phrase: "today"}
                      default: No
            """, file: "support.yaml")
        let runner = try await ScorecardRunner(definition: definition, version: 1, scores: ["urgent"], context: ClassifierContext())
        let text = "Hello, I would like a refund for my order today, please."
        let explainer = try TextLimeExplainer(samples: 800, seed: 3)
        let seen = ProgressLog()
        let (explanation, usage) = try await explainer.explain(text, score: "urgent", runner: runner, concurrency: 4) { done, total in
            seen.record(done, total)
        }
        #expect(explanation.classes == ["Yes", "No"] && explanation.probabilities == [1, 0])
        // "urgent" needs both words (and is skipped, so no class, without "refund"): both carry it, nothing else does.
        let weights = Dictionary(uniqueKeysWithValues: zip(explanation.words, explanation.weights[0]))
        #expect(weights["refund"]! > 0.2 && weights["today"]! > 0.2, "\(weights)")
        for (word, weight) in weights where !["refund", "today"].contains(word) { #expect(abs(weight) < 0.05, "\(word): \(weight)") }
        #expect(explanation.strongestWords(for: 0, count: 2).map(\.word).sorted() == ["refund", "today"])
        #expect(usage == Usage())
        #expect(seen.last.map { $0 == (800, 800) } == true && seen.count == 800)
        await #expect(throws: ScorecardRunnerError.self) { try await explainer.explain(text, score: "greeting", runner: runner) }
    }
}

/// The progress an explanation reports, from whichever task reports it.
private final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [(Int, Int)] = []

    func record(_ done: Int, _ total: Int) {
        lock.withLock { reports.append((done, total)) }
    }

    var count: Int { lock.withLock { reports.count } }
    var last: (Int, Int)? { lock.withLock { reports.last } }
}
