/// `Reshape`: the data with the shape the second input gives (0 copies the input's dimension
/// unless `allowzero`, −1 is inferred).
struct ReshapeOperator: ONNXOperator {
    private let allowZero: Bool

    init(_ attributes: NodeAttributes) throws(ModelError) {
        allowZero = try attributes.int("allowzero", default: 0) != 0
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let data = try inputs.tensor(0, node: node)
        guard case let .int64(requested) = try inputs.tensor(1, node: node).elements else {
            throw .evaluation(node: node, message: "the shape input must be int64")
        }
        var shape = requested.enumerated().map { index, size in
            size == 0 && !allowZero && index < data.shape.count ? data.shape[index] : Int(size)
        }
        let known = shape.filter { $0 != -1 }.reduce(1, *)
        if let inferred = shape.firstIndex(of: -1) {
            guard known > 0, data.elements.count % known == 0 else { throw .evaluation(node: node, message: "cannot reshape \(data.shape) to \(requested)") }
            shape[inferred] = data.elements.count / known
        }
        guard let reshaped = Tensor(shape: shape, elements: data.elements) else {
            throw .evaluation(node: node, message: "cannot reshape \(data.shape) to \(requested)")
        }
        return [.tensor(reshaped)]
    }
}

/// `Flatten`: the dimensions before `axis` into rows, the rest into columns.
struct FlattenOperator: ONNXOperator {
    private let axis: Int64

    init(_ attributes: NodeAttributes) throws(ModelError) {
        axis = try attributes.int("axis", default: 1)
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let input = try inputs.tensor(0, node: node)
        let split = axis < 0 ? Int(axis) + input.shape.count : Int(axis)
        guard (0 ... input.shape.count).contains(split) else { throw .evaluation(node: node, message: "axis \(axis) is outside rank \(input.shape.count)") }
        let rows = input.shape[..<split].reduce(1, *)
        return [.tensor(Tensor(checkedShape: [rows, input.shape[split...].reduce(1, *)], input.elements))]
    }
}

/// `Concat` along `axis` of tensors of one element type.
struct ConcatOperator: ONNXOperator {
    private let axis: Int64

    init(_ attributes: NodeAttributes) throws(ModelError) {
        axis = try attributes.int("axis")
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let tensors = try inputs.indices.map { index throws(ModelError) in try inputs.tensor(index, node: node) }
        guard let first = tensors.first else { throw .evaluation(node: node, message: "no input") }
        let resolved = try normalizedAxis(axis, rank: first.shape.count, node: node)
        for tensor in tensors where tensor.shape.count != first.shape.count
            || zip(tensor.shape, first.shape).enumerated().contains(where: { $0.offset != resolved && $0.element.0 != $0.element.1 }) {
            throw .evaluation(node: node, message: "shapes \(tensors.map(\.shape)) differ off axis \(axis)")
        }
        var shape = first.shape
        shape[resolved] = tensors.reduce(0) { $0 + $1.shape[resolved] }
        let outer = first.shape[..<resolved].reduce(1, *)
        func joined<T>(_ parts: [[T]]) -> [T] {
            var out: [T] = []
            out.reserveCapacity(shape.reduce(1, *))
            for o in 0 ..< outer {
                for (tensor, part) in zip(tensors, parts) {
                    let block = tensor.shape[resolved...].reduce(1, *)
                    out += part[o * block ..< (o + 1) * block]
                }
            }
            return out
        }
        let elements: Tensor.Elements
        switch first.elements {
        case .string:
            let parts = tensors.map { tensor -> [String] in if case let .string(values) = tensor.elements { values } else { [] } }
            guard zip(parts, tensors).allSatisfy({ $0.count == $1.elements.count }) else { throw .evaluation(node: node, message: "inputs mix strings and numbers") }
            elements = .string(joined(parts))
        case .int64 where tensors.allSatisfy({ if case .int64 = $0.elements { true } else { false } }):
            elements = .int64(joined(tensors.map { tensor -> [Int64] in if case let .int64(values) = tensor.elements { values } else { [] } }))
        default:
            let parts = tensors.map { $0.floats ?? [] }
            guard zip(parts, tensors).allSatisfy({ $0.count == $1.elements.count }) else { throw .evaluation(node: node, message: "inputs mix strings and numbers") }
            elements = .float(joined(parts))
        }
        return [.tensor(Tensor(checkedShape: shape, elements))]
    }
}

/// `ArrayFeatureExtractor` (ai.onnx.ml): the elements of the last axis at the given indices,
/// for every leading position (a vector gives one row, as onnxruntime does).
struct ArrayFeatureExtractorOperator: ONNXOperator {
    init(_ attributes: NodeAttributes) throws(ModelError) {}

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let data = try inputs.tensor(0, node: node)
        guard case let .int64(indices) = try inputs.tensor(1, node: node).elements else {
            throw .evaluation(node: node, message: "the indices must be int64")
        }
        let width = data.shape.last ?? 1
        if let bad = indices.first(where: { $0 < 0 || $0 >= width }) {
            throw .evaluation(node: node, message: "index \(bad) is outside the last axis of size \(width)")
        }
        let outer = data.elements.count / max(width, 1)
        let picks = (0 ..< outer).flatMap { o in indices.map { o * width + Int($0) } }
        let shape = data.shape.count <= 1 ? [1, indices.count] : Array(data.shape.dropLast()) + [indices.count]
        return [.tensor(Tensor(checkedShape: shape, data.elements.picking(picks)))]
    }
}
