import Foundation
@testable import PlexusModels
import Testing

/// The zoo of scripts/reference/onnx_zoo.py: scikit-learn models exported with skl2onnx, with
/// onnxruntime's outputs on held-out rows. Labels must be identical, numbers within 1e-6.
@Suite("ONNX models predict as onnxruntime does")
struct ONNXZooTests {
    /// One input cell: a number, a missing value (null, read as NaN) or a string.
    enum Cell: Decodable, Sendable {
        case number(Float)
        case text(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .number(.nan)
            } else if let number = try? container.decode(Double.self) {
                self = .number(Float(number))
            } else {
                self = .text(try container.decode(String.self))
            }
        }
    }

    /// A class label: a number, or a name.
    enum Label: Decodable, Sendable, Equatable {
        case number(Int64)
        case name(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int64.self) { self = .number(number) } else { self = .name(try container.decode(String.self)) }
        }
    }

    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let task: String
        let zipmap: Bool
        let operators: [String]
        /// Each input's rows, by input name.
        let inputs: [String: [[Cell]]]
        let labels: [Label]?
        let probabilities: [[Double]]?
        let values: [Double]?

        var testDescription: String { name }
    }

    private struct Document: Decodable {
        let cases: [Case]
    }

    static let tolerance = 1e-6

    static func fixtures() -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    static func cases() throws -> [Case] {
        try JSONDecoder().decode(Document.self, from: Data(contentsOf: fixtures().appendingPathComponent("onnx_zoo.json"))).cases
    }

    @Test("Each zoo model loads, lists its operators, and predicts onnxruntime's labels and numbers", arguments: try cases())
    func predicts(_ reference: Case) throws {
        let bytes = try Data(contentsOf: Self.fixtures().appendingPathComponent(reference.file))
        let model = try ONNXModel(bytes: bytes)
        #expect(Set(model.nodes.map(\.operatorType)) == Set(reference.operators))
        #expect(Set(model.inputs.map(\.name)) == Set(reference.inputs.keys))
        let exporter = reference.name.hasPrefix("xgboost") || reference.name.hasPrefix("lightgbm") ? "OnnxMLTools" : "skl2onnx"
        #expect(model.producer.name == exporter && model.byteCount == bytes.count && model.sha256.count == 64)
        let runner = try ModelRunner(model)
        var inputs: [String: ONNXValue] = [:]
        for (name, rows) in reference.inputs {
            let cells = rows.flatMap { $0 }
            let elements: Tensor.Elements = if case .text = cells.first {
                .string(cells.map { if case let .text(text) = $0 { text } else { "" } })
            } else {
                .float(cells.map { if case let .number(number) = $0 { number } else { .nan } })
            }
            inputs[name] = .tensor(try #require(Tensor(shape: [rows.count, rows.first?.count ?? 0], elements: elements)))
        }
        let outputs = try runner.run(inputs)
        #expect(Set(outputs.keys) == Set(model.outputs.map(\.name)))
        if let expected = reference.values {
            let values = try #require(outputs[model.outputs[0].name]?.tensor?.floats)
            #expect(values.count == expected.count)
            for (row, (got, want)) in zip(values, expected).enumerated() {
                #expect(abs(Double(got) - want) <= Self.tolerance * max(1, abs(want)), "row \(row): \(got) vs \(want)")
            }
            return
        }
        let labels = try #require(outputs[model.outputs[0].name]?.tensor)
        let expectedLabels = try #require(reference.labels)
        let gotLabels: [Label] = switch labels.elements {
        case let .int64(values): values.map(Label.number)
        case let .string(values): values.map(Label.name)
        default: []
        }
        #expect(gotLabels == expectedLabels)
        let probabilities: [[Float]]
        switch outputs[model.outputs[1].name] {
        case let .probabilityMaps(labels, rows)?:
            #expect(reference.zipmap && labels.count == rows.first?.count)
            probabilities = rows
        case let .tensor(tensor)?:
            let values = try #require(tensor.floats)
            let columns = tensor.shape[1]
            probabilities = (0 ..< tensor.shape[0]).map { Array(values[$0 * columns ..< ($0 + 1) * columns]) }
        case nil:
            Issue.record("no probabilities")
            return
        }
        let expected = try #require(reference.probabilities)
        #expect(probabilities.count == expected.count)
        for (row, (got, want)) in zip(probabilities, expected).enumerated() {
            #expect(got.count == want.count, "row \(row)")
            for (a, b) in zip(got, want) {
                #expect(abs(Double(a) - b) <= Self.tolerance, "row \(row): \(got) vs \(want)")
            }
        }
    }
}
