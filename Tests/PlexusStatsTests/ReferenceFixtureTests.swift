import PlexusStats
import Testing

/// Every metric family against the values scikit-learn and irrCAC computed for the same inputs.
@Suite("Agreement with scikit-learn and irrCAC")
struct ReferenceFixtureTests {
    /// Scores one case the way a caller would.
    private func metrics(_ reference: ReferenceCase) throws -> (ConfusionMatrix, ClassificationMetrics) {
        let matrix = try ConfusionMatrix(actual: reference.actual, predicted: reference.predicted, labels: reference.labels)
        return (matrix, ClassificationMetrics(matrix))
    }

    @Test("The fixture file loads from the test bundle and holds the reference cases")
    func fixtureLoads() throws {
        let cases = try ReferenceCase.all()
        #expect(cases.count >= 40)
        #expect(Set(cases.map(\.name)).count == cases.count, "case names should be unique")
    }

    @Test("Confusion matrix matches confusion_matrix", arguments: try ReferenceCase.all())
    func confusionMatrix(_ reference: ReferenceCase) throws {
        let (matrix, metrics) = try metrics(reference)
        #expect(matrix.labels == reference.expected.labels)
        #expect(matrix.counts == reference.expected.confusionMatrix)
        #expect(matrix.total == reference.expected.total)
        #expect(metrics.total == reference.expected.total)
    }

    @Test("Accuracy matches accuracy_score", arguments: try ReferenceCase.all())
    func accuracy(_ reference: ReferenceCase) throws {
        let (_, metrics) = try metrics(reference)
        expectClose(metrics.accuracy, reference.expected.accuracy, "accuracy")
    }

    @Test("Per-class precision, recall, F1 and support match precision_recall_fscore_support", arguments: try ReferenceCase.all())
    func perClass(_ reference: ReferenceCase) throws {
        let (_, metrics) = try metrics(reference)
        let expected = reference.expected.perClass
        #expect(metrics.perClass.map(\.label) == reference.expected.labels)
        expectClose(metrics.perClass.map(\.precision), expected.precision, "precision")
        expectClose(metrics.perClass.map(\.recall), expected.recall, "recall")
        expectClose(metrics.perClass.map(\.f1), expected.f1, "f1")
        #expect(metrics.perClass.map(\.support) == expected.support)
    }

    @Test("Per-class specificity matches tn/(tn+fp) of multilabel_confusion_matrix", arguments: try ReferenceCase.all())
    func specificity(_ reference: ReferenceCase) throws {
        let (_, metrics) = try metrics(reference)
        expectClose(metrics.perClass.map(\.specificity), reference.expected.perClass.specificity, "specificity")
    }

    @Test("Macro, micro and weighted averages match average='macro'|'micro'|'weighted'", arguments: try ReferenceCase.all())
    func averages(_ reference: ReferenceCase) throws {
        let (_, metrics) = try metrics(reference)
        let pairs = [("macro", metrics.macro, reference.expected.macro),
                     ("micro", metrics.micro, reference.expected.micro),
                     ("weighted", metrics.weighted, reference.expected.weighted)]
        for (name, actual, expected) in pairs {
            expectClose(actual.precision, expected.precision, "\(name) precision")
            expectClose(actual.recall, expected.recall, "\(name) recall")
            expectClose(actual.f1, expected.f1, "\(name) f1")
            expectClose(actual.specificity, expected.specificity, "\(name) specificity")
        }
    }

    @Test("Cohen's kappa matches cohen_kappa_score", arguments: try ReferenceCase.all())
    func cohensKappa(_ reference: ReferenceCase) throws {
        let (_, metrics) = try metrics(reference)
        expectClose(metrics.cohensKappa, reference.expected.cohensKappa, "kappa")
    }

    @Test("Matthews correlation matches matthews_corrcoef", arguments: try ReferenceCase.all())
    func matthewsCorrelation(_ reference: ReferenceCase) throws {
        let (_, metrics) = try metrics(reference)
        expectClose(metrics.matthewsCorrelation, reference.expected.matthewsCorrelation, "MCC")
    }

    @Test("Gwet's AC1 matches irrCAC", arguments: try ReferenceCase.all())
    func gwetsAC1(_ reference: ReferenceCase) throws {
        let (_, metrics) = try metrics(reference)
        expectClose(metrics.gwetsAC1, reference.expected.gwetsAC1, "AC1")
    }

    @Test("Recording pairs one at a time gives the batch matrix and scores", arguments: try ReferenceCase.all())
    func incrementalMatchesBatch(_ reference: ReferenceCase) throws {
        let (batch, batchMetrics) = try metrics(reference)
        var incremental = try ConfusionMatrix(labels: batch.labels)
        for (actual, predicted) in zip(reference.actual, reference.predicted)
        where batch.labels.contains(actual) && batch.labels.contains(predicted) {
            incremental.record(actual: actual, predicted: predicted)
        }
        #expect(incremental == batch)
        #expect(ClassificationMetrics(incremental) == batchMetrics)
    }
}
