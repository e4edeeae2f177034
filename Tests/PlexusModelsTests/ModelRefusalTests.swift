import Foundation
@testable import PlexusModels
import Testing

/// What the interpreter refuses, and how it says so.
@Suite("ONNX models and inputs that cannot run are refused by name")
struct ModelRefusalTests {
    private static func zooModel(_ name: String) throws -> Onnx_ModelProto {
        try Onnx_ModelProto(serializedBytes: Data(contentsOf: ONNXZooTests.fixtures().appendingPathComponent("zoo/\(name).onnx")))
    }

    @Test("Bytes that are not ONNX are refused")
    func notONNX() {
        #expect {
            _ = try ONNXModel(bytes: Data("id,amount\n1,2\n".utf8))
        } throws: { error in
            guard case .notONNX? = error as? ModelError else { return false }
            return "\(error)".contains("not an ONNX model")
        }
    }

    @Test("Every unsupported operator is named with its node")
    func unsupportedOperators() throws {
        var proto = try Self.zooModel("logistic_binary")
        var convolution = Onnx_NodeProto()
        convolution.opType = "Conv"
        convolution.name = "conv_1"
        var unnamed = Onnx_NodeProto()
        unnamed.opType = "LSTM"
        proto.graph.node += [convolution, unnamed]
        #expect(throws: ModelError.unsupportedOperators([
            .init(domain: "", operatorType: "Conv", node: "conv_1"), .init(domain: "", operatorType: "LSTM", node: "#2"),
        ])) {
            _ = try ONNXModel(bytes: try proto.serializedData())
        }
    }

    @Test("An operator set newer than the interpreter runs is refused")
    func newerOpset() throws {
        var proto = try Self.zooModel("logistic_binary")
        var opset = Onnx_OperatorSetIdProto()
        opset.domain = "ai.onnx.ml"
        opset.version = 99
        proto.opsetImport.append(opset)
        #expect(throws: ModelError.unsupportedOpset(domain: "ai.onnx.ml", version: 99, newest: 5)) {
            _ = try ONNXModel(bytes: try proto.serializedData())
        }
    }

    @Test("A malformed node is refused when the model is prepared, naming the attribute")
    func malformedAttribute() throws {
        var proto = try Self.zooModel("random_forest")
        proto.graph.node[0].attribute.removeAll { $0.name == "nodes_truenodeids" }
        let model = try ONNXModel(bytes: try proto.serializedData())
        #expect(throws: ModelError.invalidAttribute(node: "TreeEnsembleClassifier", attribute: "nodes_truenodeids", message: "is required")) {
            _ = try ModelRunner(model)
        }
    }

    @Test("A tree that loops back on itself or reads a negative feature is refused, so no walk can hang or crash")
    func malformedTrees() throws {
        func refused(_ change: (inout Onnx_AttributeProto) -> Void, attribute: String) throws -> Bool {
            var proto = try Self.zooModel("random_forest")
            let index = try #require(proto.graph.node[0].attribute.firstIndex { $0.name == attribute })
            change(&proto.graph.node[0].attribute[index])
            let model = try ONNXModel(bytes: try proto.serializedData())
            do {
                _ = try ModelRunner(model)
                return false
            } catch {
                guard case let .invalidAttribute(_, name, _) = error else { return false }
                return name == attribute
            }
        }
        // Node 1's true branch back to the root makes tree 0 a cycle.
        #expect(try refused({ $0.ints[1] = 0 }, attribute: "nodes_truenodeids"))
        #expect(try refused({ $0.ints[0] = -3 }, attribute: "nodes_featureids"))
    }

    @Test("Missing inputs, and inputs of the wrong shape or type, are refused by name")
    func badInputs() throws {
        let runner = try ModelRunner(try ONNXModel(bytes: try Self.zooModel("decision_tree").serializedData()))
        #expect(throws: ModelError.missingInput("X")) { _ = try runner.run([:]) }
        let narrow = try #require(Tensor(shape: [1, 5], elements: .float([1, 2, 3, 4, 5])))
        #expect(throws: ModelError.inputMismatch(input: "X", message: "the model takes shape [?, 6]; got [1, 5]")) {
            _ = try runner.run(["X": .tensor(narrow)])
        }
        let words = try #require(Tensor(shape: [1, 6], elements: .string(["a", "b", "c", "d", "e", "f"])))
        #expect(throws: ModelError.inputMismatch(input: "X", message: "the model takes float elements, not string")) {
            _ = try runner.run(["X": .tensor(words)])
        }
        // Whole numbers for a float input are read as floats.
        let integers = try #require(Tensor(shape: [1, 6], elements: .int64([0, 1, 0, 1, 0, 1])))
        #expect(try runner.run(["X": .tensor(integers)])["label"]?.tensor?.shape == [1])
    }
}
