/// `Scan` (opset 9 on): runs its `body` graph once per slice of its scan inputs, along their
/// first axis, carrying state from one iteration to the next. The inputs are the initial states
/// followed by `num_scan_inputs` scan inputs; the body takes the states and one slice of each,
/// and gives the next states and one slice of each scan output. The outputs are the final states
/// and each scan output's slices stacked along a new first axis. This is how skl2onnx computes
/// pairwise distances for k-nearest neighbours. Scanning along other axes, or backwards, is refused
/// when the model is loaded.
struct ScanOperator: ONNXOperator {
    private let body: GraphProgram
    private let scanInputCount: Int
    private let bodyInputCount: Int

    init(_ attributes: NodeAttributes) throws(ModelError) {
        let graph = try attributes.graph("body")
        let count = try attributes.int("num_scan_inputs")
        guard count >= 1, count <= graph.input.count else {
            throw attributes.invalid("num_scan_inputs", "is \(count) for a body with \(graph.input.count) inputs")
        }
        for name in ["scan_input_axes", "scan_input_directions", "scan_output_axes", "scan_output_directions"] {
            guard try attributes.ints(name).allSatisfy({ $0 == 0 }) else {
                throw attributes.invalid(name, "is not all 0; Plexus scans forward along the first axis only")
            }
        }
        scanInputCount = Int(count)
        bodyInputCount = graph.input.count
        body = try GraphProgram(graph, inputs: graph.input.map(\.name), registry: attributes.registry, opsets: attributes.opsets)
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        guard inputs.count == bodyInputCount else {
            throw .evaluation(node: node, message: "\(inputs.count) inputs for a body that takes \(bodyInputCount)")
        }
        let stateCount = bodyInputCount - scanInputCount
        var states: [ONNXValue] = []
        for index in 0 ..< stateCount { states.append(.tensor(try inputs.tensor(index, node: node))) }
        let scanned = try (stateCount ..< bodyInputCount).map { index throws(ModelError) in try inputs.tensor(index, node: node) }
        guard let iterations = scanned[0].shape.first, scanned.allSatisfy({ $0.shape.first == iterations }) else {
            throw .evaluation(node: node, message: "the scan inputs must share their first dimension")
        }
        var slices: [[Tensor]] = []
        for iteration in 0 ..< iterations {
            let produced = try body.run(states + scanned.map { .tensor(Self.slice($0, at: iteration)) })
            guard produced.count >= stateCount else { throw .evaluation(node: node, message: "the body gave \(produced.count) outputs") }
            states = Array(produced.prefix(stateCount))
            let outputs = try produced.dropFirst(stateCount).map { value throws(ModelError) in
                guard let tensor = value.tensor else { throw .evaluation(node: node, message: "a scan output is not a tensor") }
                return tensor
            }
            slices.append(outputs)
        }
        let outputCount = body.outputNames.count - stateCount
        let stacked = try (0 ..< outputCount).map { output throws(ModelError) -> ONNXValue in
            .tensor(try Self.stack(slices.map { $0[output] }, node: node))
        }
        return states + stacked
    }

    /// Slice `index` of `tensor` along its first axis.
    private static func slice(_ tensor: Tensor, at index: Int) -> Tensor {
        let inner = tensor.shape.dropFirst().reduce(1, *)
        return Tensor(checkedShape: Array(tensor.shape.dropFirst()), tensor.elements.picking(Array(index * inner ..< (index + 1) * inner)))
    }

    /// `slices`, all of one shape and type, stacked along a new first axis.
    private static func stack(_ slices: [Tensor], node: String) throws(ModelError) -> Tensor {
        guard let first = slices.first else { return Tensor(checkedShape: [0], .float([])) }
        guard slices.allSatisfy({ $0.shape == first.shape && $0.elements.elementType == first.elements.elementType }) else {
            throw .evaluation(node: node, message: "the body's scan output changes shape or type between iterations")
        }
        func joined<T>(_ values: (Tensor.Elements) -> [T]?) -> [T] { slices.flatMap { values($0.elements) ?? [] } }
        let elements: Tensor.Elements = switch first.elements {
        case .float: .float(joined { if case let .float(values) = $0 { return values } else { return nil } })
        case .double: .double(joined { if case let .double(values) = $0 { return values } else { return nil } })
        case .int64: .int64(joined { if case let .int64(values) = $0 { return values } else { return nil } })
        case .string: .string(joined { if case let .string(values) = $0 { return values } else { return nil } })
        case .bool: .bool(joined { if case let .bool(values) = $0 { return values } else { return nil } })
        }
        return Tensor(checkedShape: [slices.count] + first.shape, elements)
    }
}
