import Foundation
import PlexusStats
import Testing

@Suite("Confusion matrix")
struct ConfusionMatrixTests {
    @Test("Default labels are the sorted union of actual and predicted")
    func defaultLabels() throws {
        let matrix = try ConfusionMatrix(actual: ["b", "a", "b"], predicted: ["c", "a", "b"])
        #expect(matrix.labels == ["a", "b", "c"])
        #expect(matrix.counts == [[1, 0, 0], [0, 1, 1], [0, 0, 0]])
        #expect(matrix.total == 3)
        #expect(matrix.count(actual: "b", predicted: "c") == 1)
        #expect(matrix.count(actual: "zzz", predicted: "a") == 0)
    }

    @Test("Explicit labels set the order, keep absent labels and drop pairs outside them")
    func explicitLabels() throws {
        let matrix = try ConfusionMatrix(actual: ["a", "b", "x"], predicted: ["b", "b", "a"], labels: ["b", "a", "z"])
        #expect(matrix.labels == ["b", "a", "z"])
        #expect(matrix.counts == [[1, 0, 0], [1, 0, 0], [0, 0, 0]])
        #expect(matrix.total == 2, "the pair with actual \"x\" is left out")
    }

    @Test("Recording into an empty matrix appends labels in order of first appearance")
    func recordGrows() {
        var matrix = ConfusionMatrix()
        matrix.record(actual: "dog", predicted: "cat")
        matrix.record(actual: "cat", predicted: "cat")
        matrix.record(actual: "emu", predicted: "dog")
        #expect(matrix.labels == ["dog", "cat", "emu"])
        #expect(matrix.counts == [[0, 1, 0], [0, 1, 0], [1, 0, 0]])
    }

    @Test("Recording from empty gives the batch counts, label by label")
    func recordMatchesBatch() throws {
        let actual = ["b", "a", "c", "a", "b", "b"], predicted = ["a", "a", "c", "b", "b", "c"]
        var incremental = ConfusionMatrix()
        for (a, p) in zip(actual, predicted) { incremental.record(actual: a, predicted: p) }
        let batch = try ConfusionMatrix(actual: actual, predicted: predicted)
        #expect(Set(incremental.labels) == Set(batch.labels))
        for a in batch.labels {
            for p in batch.labels {
                #expect(incremental.count(actual: a, predicted: p) == batch.count(actual: a, predicted: p))
            }
        }
        let reordered = try ConfusionMatrix(actual: actual, predicted: predicted, labels: incremental.labels)
        #expect(incremental == reordered)
    }

    @Test("Arrays of different lengths are rejected with both lengths named")
    func lengthMismatch() {
        #expect(throws: ConfusionMatrixError.lengthMismatch(actual: 2, predicted: 1)) {
            try ConfusionMatrix(actual: ["a", "b"], predicted: ["a"])
        }
    }

    @Test("A repeated label is rejected")
    func duplicateLabel() {
        #expect(throws: ConfusionMatrixError.duplicateLabel("a")) {
            try ConfusionMatrix(labels: ["a", "b", "a"])
        }
    }

    @Test("Counts must be square over the labels and non-negative")
    func shapeChecks() {
        #expect(throws: ConfusionMatrixError.rowCountMismatch(rows: 1, labels: 2)) {
            try ConfusionMatrix(labels: ["a", "b"], counts: [[1, 2]])
        }
        #expect(throws: ConfusionMatrixError.columnCountMismatch(row: "b", columns: 1, labels: 2)) {
            try ConfusionMatrix(labels: ["a", "b"], counts: [[1, 2], [3]])
        }
        #expect(throws: ConfusionMatrixError.negativeCount(actual: "a", predicted: "b", count: -1)) {
            try ConfusionMatrix(labels: ["a", "b"], counts: [[1, -1], [0, 0]])
        }
    }

    @Test("Error messages name the offending value")
    func errorMessages() {
        #expect(ConfusionMatrixError.duplicateLabel("spam").description.contains("\"spam\""))
        #expect(ConfusionMatrixError.lengthMismatch(actual: 3, predicted: 2).description.contains("3 actual"))
    }

    @Test("JSON round trip keeps labels and counts, and recording still works after decoding")
    func codableRoundTrip() throws {
        let matrix = try ConfusionMatrix(actual: ["a", "b"], predicted: ["b", "b"])
        let json = try JSONEncoder().encode(matrix)
        var decoded = try JSONDecoder().decode(ConfusionMatrix.self, from: json)
        #expect(decoded == matrix)
        decoded.record(actual: "a", predicted: "a")
        #expect(decoded.count(actual: "a", predicted: "a") == 1)
        #expect(decoded.labels == ["a", "b"])
    }

    @Test("Decoding rejects counts that do not fit the labels")
    func decodingRejectsBadShape() {
        let json = Data(#"{"labels": ["a", "b"], "counts": [[1, 2]]}"#.utf8)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ConfusionMatrix.self, from: json)
        }
    }
}
