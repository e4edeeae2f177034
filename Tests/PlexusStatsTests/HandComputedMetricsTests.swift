import Foundation
import PlexusStats
import Testing

/// Small cases worked out by hand, so a reader can check the formulas without Python.
@Suite("Hand-computed metrics")
struct HandComputedMetricsTests {
    /// A spam filter on 10 messages. Labels sort as ["ham", "spam"]; rows actual, columns predicted:
    ///
    ///             pred ham  pred spam
    ///   ham           4         2        (6 ham)
    ///   spam          1         3        (4 spam)
    ///
    /// With spam positive: tp 3, fp 2, fn 1, tn 4.
    private func spamFilter() throws -> ClassificationMetrics {
        let actual = Array(repeating: "ham", count: 6) + Array(repeating: "spam", count: 4)
        let predicted = ["ham", "ham", "ham", "ham", "spam", "spam"] + ["ham", "spam", "spam", "spam"]
        return ClassificationMetrics(try ConfusionMatrix(actual: actual, predicted: predicted))
    }

    @Test("2×2: per-class scores follow from tp 3, fp 2, fn 1, tn 4")
    func perClass() throws {
        let metrics = try spamFilter()
        let spam = try #require(metrics.binary(positive: "spam"))
        expectClose(spam.precision, 3.0 / 5, "precision 3/(3+2)")
        expectClose(spam.recall, 3.0 / 4, "recall 3/(3+1)")
        expectClose(spam.specificity, 4.0 / 6, "specificity 4/(4+2)")
        expectClose(spam.f1, 6.0 / 9, "f1 2·3/(2·3+2+1)")
        #expect(spam.support == 4)
        // Seen from ham, the roles swap: tp 4, fp 1, fn 2, tn 3.
        let ham = try #require(metrics.binary(positive: "ham"))
        expectClose(ham.precision, 4.0 / 5, "ham precision")
        expectClose(ham.recall, 4.0 / 6, "ham recall")
        expectClose(ham.specificity, 3.0 / 4, "ham specificity")
        expectClose(ham.f1, 8.0 / 11, "ham f1")
    }

    @Test("2×2: accuracy and the three averages")
    func averages() throws {
        let metrics = try spamFilter()
        expectClose(metrics.accuracy, 7.0 / 10, "accuracy (4+3)/10")
        expectClose(metrics.macro.precision, (0.8 + 0.6) / 2, "macro precision")
        expectClose(metrics.macro.recall, (4.0 / 6 + 0.75) / 2, "macro recall")
        expectClose(metrics.macro.f1, 23.0 / 33, "macro f1 (8/11 + 2/3)/2")
        // Micro precision, recall and F1 equal the accuracy; micro specificity is Σtn/Σ(tn+fp) = 7/10.
        expectClose(metrics.micro.precision, 0.7, "micro precision")
        expectClose(metrics.micro.f1, 0.7, "micro f1")
        expectClose(metrics.micro.specificity, 0.7, "micro specificity")
        // Weighted by support 6 (ham) and 4 (spam).
        expectClose(metrics.weighted.precision, (6 * 0.8 + 4 * 0.6) / 10, "weighted precision")
        expectClose(metrics.weighted.specificity, 43.0 / 60, "weighted specificity (6·3/4 + 4·2/3)/10")
    }

    @Test("2×2: kappa 0.4, MCC 10/√600, AC1 41/101")
    func agreement() throws {
        let metrics = try spamFilter()
        // po = 0.7; pe = (6·5 + 4·5)/100 = 0.5; κ = (0.7 − 0.5)/(1 − 0.5).
        expectClose(metrics.cohensKappa, 0.4, "kappa")
        // (tp·tn − fp·fn)/√((tp+fp)(tp+fn)(tn+fp)(tn+fn)) = (12 − 2)/√(5·4·6·5).
        expectClose(metrics.matthewsCorrelation, 10 / 600.0.squareRoot(), "MCC")
        // π_ham = (6+5)/20, π_spam = (4+5)/20; pe = 2·0.55·0.45/(2−1) = 0.495; AC1 = 0.205/0.505.
        expectClose(metrics.gwetsAC1, 41.0 / 101, "AC1")
    }

    @Test("3 labels: AC1 counts a label that never occurs in q")
    func ac1CountsAbsentLabel() throws {
        // pa = 3/4; π = (3/8, 3/8, 2/8); Σπ(1−π) = 42/64.
        let actual = ["a", "b", "a", "c"], predicted = ["a", "b", "b", "c"]
        let three = ClassificationMetrics(try ConfusionMatrix(actual: actual, predicted: predicted))
        expectClose(three.gwetsAC1, 27.0 / 43, "q = 3: pe = 21/64")
        let four = ClassificationMetrics(try ConfusionMatrix(actual: actual, predicted: predicted, labels: ["a", "b", "c", "d"]))
        expectClose(four.gwetsAC1, 0.68, "q = 4: pe = 14/64")
        #expect(four.cohensKappa == three.cohensKappa, "kappa ignores an empty row and column")
    }

    @Test("An empty matrix scores 0 everywhere")
    func emptyMatrix() throws {
        let metrics = ClassificationMetrics(try ConfusionMatrix(labels: ["a", "b"]))
        #expect(metrics.total == 0)
        #expect(metrics.accuracy == 0)
        #expect(metrics.perClass.allSatisfy { $0.precision == 0 && $0.recall == 0 && $0.specificity == 0 && $0.f1 == 0 })
        #expect(metrics.macro == AveragedMetrics(precision: 0, recall: 0, specificity: 0, f1: 0))
        #expect(metrics.weighted == metrics.macro)
        #expect([metrics.cohensKappa, metrics.matthewsCorrelation, metrics.gwetsAC1] == [0, 0, 0])
        #expect(ClassificationMetrics(ConfusionMatrix()).perClass.isEmpty)
    }

    @Test("A single label: kappa and MCC are 0, AC1 is 1, precision and recall are 1")
    func singleLabel() throws {
        let metrics = ClassificationMetrics(try ConfusionMatrix(actual: ["x", "x", "x"], predicted: ["x", "x", "x"]))
        #expect(metrics.cohensKappa == 0)
        #expect(metrics.matthewsCorrelation == 0)
        #expect(metrics.gwetsAC1 == 1)
        let x = try #require(metrics.binary(positive: "x"))
        #expect(x.precision == 1 && x.recall == 1 && x.f1 == 1)
        #expect(x.specificity == 0, "no negatives: tn/(tn+fp) = 0/0 → 0")
    }

    @Test("binary(positive:) is nil for a label the matrix does not have")
    func binaryUnknownLabel() throws {
        #expect(try spamFilter().binary(positive: "eggs") == nil)
    }

    @Test("Metrics survive a JSON round trip")
    func codableRoundTrip() throws {
        let metrics = try spamFilter()
        let data = try JSONEncoder().encode(metrics)
        #expect(try JSONDecoder().decode(ClassificationMetrics.self, from: data) == metrics)
    }
}
