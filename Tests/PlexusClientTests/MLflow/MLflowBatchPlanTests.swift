@testable import PlexusClient
import Testing

@Suite("MLflow batch planning")
struct MLflowBatchPlanTests {
    private func metrics(_ count: Int) -> [MLflowMetric] {
        (0..<count).map { MLflowMetric(key: "loss", value: Double($0), step: Int64($0)) }
    }

    private func params(_ count: Int) -> [MLflowKeyValue] {
        (0..<count).map { MLflowKeyValue(key: "p\($0)", value: "v\($0)") }
    }

    @Test("Metrics are cut into calls of at most 1000, in order, none lost")
    func metricChunks() throws {
        let plan = try MLflowBatchPlan(params: [], metrics: metrics(2345), tags: [], timestamp: 7)
        #expect(plan.batches.map(\.metrics.count) == [1000, 1000, 345])
        #expect(plan.batches.flatMap(\.metrics).map(\.step) == (0..<2345).map(Int64.init))
    }

    @Test("Params and tags go at most 100 per call and every call stays within 1000 entities")
    func mixedChunks() throws {
        let tags = (0..<150).map { MLflowKeyValue(key: "t\($0)", value: "x") }
        let plan = try MLflowBatchPlan(params: params(250), metrics: metrics(1900), tags: tags, timestamp: 7)
        #expect(plan.batches.allSatisfy { $0.params.count <= 100 && $0.tags.count <= 100 && $0.metrics.count <= 1000 })
        #expect(plan.batches.allSatisfy { $0.params.count + $0.tags.count + $0.metrics.count <= 1000 })
        #expect(plan.batches.flatMap(\.params).count == 250)
        #expect(plan.batches.flatMap(\.tags).count == 150)
        #expect(plan.batches.flatMap(\.metrics).count == 1900)
    }

    @Test("Metrics without a timestamp get the plan's; given timestamps stay")
    func timestamps() throws {
        let given = MLflowMetric(key: "a", value: 1, timestamp: 42)
        let plan = try MLflowBatchPlan(params: [], metrics: [given, MLflowMetric(key: "b", value: 2)], tags: [], timestamp: 7)
        #expect(plan.batches[0].metrics.map(\.timestamp) == [42, 7])
    }

    @Test("A param value over 6000 characters is split over key, key.part2, … and the split is noted")
    func longParam() throws {
        let value = String(repeating: "é", count: 13_000)
        let plan = try MLflowBatchPlan(params: [MLflowKeyValue(key: "prompt", value: value)], metrics: [], tags: [], timestamp: 0)
        let stored = plan.batches.flatMap(\.params)
        #expect(stored.map(\.key) == ["prompt", "prompt.part2", "prompt.part3"])
        #expect(stored.allSatisfy { $0.value.unicodeScalars.count <= 6000 })
        #expect(stored.map(\.value).joined() == value)
        #expect(plan.notes.count == 1 && plan.notes[0].contains("prompt.part3"))
    }

    @Test("A tag value over 8000 characters is truncated and the truncation is noted")
    func longTag() throws {
        let plan = try MLflowBatchPlan(params: [], metrics: [], tags: [MLflowKeyValue(key: "note", value: String(repeating: "a", count: 9000))], timestamp: 0)
        #expect(plan.batches[0].tags[0].value.count == 8000)
        #expect(plan.notes.first?.contains("'note' is 9000 characters") == true)
    }

    @Test("A key over 250 characters is rejected before anything is sent")
    func longKey() {
        let key = String(repeating: "k", count: 251)
        let error = #expect(throws: MLflowError.self) {
            try MLflowBatchPlan(params: [], metrics: [MLflowMetric(key: key, value: 1)], tags: [], timestamp: 0)
        }
        #expect(error?.description.contains("1 to 250 characters") == true)
    }
}
