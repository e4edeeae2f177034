import Foundation
@testable import PlexusModels
import Testing

/// Single operators no zoo model exercises fully (comparisons, Where, Transpose, TopK with ties,
/// reductions, Max, Reciprocal, Cast to and from bool, Scan carrying state, LabelEncoder), each a one-node
/// model of scripts/reference/onnx_operator_fixtures.py with onnxruntime's outputs. Integers,
/// strings and booleans must be identical, floats within 1e-6.
@Suite("Single operators compute as onnxruntime does")
struct OperatorTests {
    /// A tensor as the fixtures record it.
    struct Recorded: Decodable, Sendable {
        let type: String
        let shape: [Int]
        let values: [Value]

        /// One element: a number, a missing float (null), a truth value or a string.
        enum Value: Decodable, Sendable {
            case number(Double)
            case truth(Bool)
            case text(String)
            case missing

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if container.decodeNil() {
                    self = .missing
                } else if let flag = try? container.decode(Bool.self) {
                    self = .truth(flag)
                } else if let text = try? container.decode(String.self) {
                    self = .text(text)
                } else {
                    self = .number(try container.decode(Double.self))
                }
            }

            var text: String? {
                if case let .text(value) = self { value } else { nil }
            }

            var number: Double {
                switch self {
                case let .number(value): value
                case let .truth(flag): flag ? 1 : 0
                case .missing, .text: .nan
                }
            }
        }

        var tensor: Tensor? {
            let elements: Tensor.Elements = switch type {
            case "int64": .int64(values.map { Int64($0.number) })
            case "bool": .bool(values.map { $0.number != 0 })
            case "string": .string(values.map { $0.text ?? "" })
            default: .float(values.map { Float($0.number) })
            }
            return Tensor(shape: shape, elements: elements)
        }
    }

    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let model: String
        let inputs: [String: Recorded]
        let outputs: [String: Recorded]

        var testDescription: String { name }
    }

    private struct Document: Decodable {
        let cases: [Case]
    }

    static func cases() throws -> [Case] {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/onnx_operators.json")
        return try JSONDecoder().decode(Document.self, from: Data(contentsOf: url)).cases
    }

    @Test("Each one-node model gives onnxruntime's outputs", arguments: try cases())
    func operatorMatches(_ reference: Case) throws {
        let bytes = try #require(Data(base64Encoded: reference.model))
        let runner = try ModelRunner(try ONNXModel(bytes: bytes))
        var inputs: [String: ONNXValue] = [:]
        for (name, recorded) in reference.inputs { inputs[name] = .tensor(try #require(recorded.tensor, "input \(name)")) }
        let outputs = try runner.run(inputs)
        for (name, expected) in reference.outputs {
            let got = try #require(outputs[name]?.tensor, "output \(name)")
            #expect(got.shape == expected.shape, "\(name): shape \(got.shape), want \(expected.shape)")
            switch (got.elements, expected.type) {
            case let (.bool(values), "bool"):
                #expect(values == expected.values.map { $0.number != 0 }, "\(name)")
            case let (.int64(values), "int64"):
                #expect(values == expected.values.map { Int64($0.number) }, "\(name)")
            case let (.string(values), "string"):
                #expect(values == expected.values.map { $0.text ?? "" }, "\(name)")
            case (_, "float"):
                let values = try #require(got.floats, "\(name) is not numeric")
                #expect(values.count == expected.values.count)
                for (index, (value, want)) in zip(values, expected.values).enumerated() {
                    if case .missing = want {
                        #expect(value.isNaN, "\(name)[\(index)] is \(value), want NaN")
                    } else {
                        #expect(abs(Double(value) - want.number) <= 1e-6, "\(name)[\(index)] is \(value), want \(want.number)")
                    }
                }
            default:
                Issue.record("\(name) has elements \(got.elements.elementType), want \(expected.type)")
            }
        }
    }
}
