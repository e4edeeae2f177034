/// `LabelEncoder` (ai.onnx.ml, opset 2 on): maps each element through a table of keys to values
/// (strings, int64s or floats on either side, given as lists or, from opset 4, as tensors); an
/// element not among the keys gets the default (`_Unused`, -1 or -0.0 unless given). From opset 4
/// a NaN key matches NaN elements; before, NaN gets the default, as onnxruntime does.
struct LabelEncoderOperator: ONNXOperator {
    private enum Keys: Sendable {
        case strings([String: Int])
        case ints([Int64: Int])
        case floats([Float: Int], nanIndex: Int?)
    }

    private let keys: Keys
    /// The values, one per key, then the default as the last element.
    private let values: Tensor.Elements
    private let defaultIndex: Int

    init(_ attributes: NodeAttributes) throws(ModelError) {
        let keyElements = try Self.elements("keys", attributes)
        var valueElements = try Self.elements("values", attributes)
        guard keyElements.count == valueElements.count, keyElements.count > 0 else {
            throw attributes.invalid("keys", "has \(keyElements.count) keys for \(valueElements.count) values")
        }
        switch keyElements {
        case let .string(list): keys = .strings(Dictionary(list.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }))
        case let .int64(list): keys = .ints(Dictionary(list.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }))
        case let .float(list):
            let nanMatches = (attributes.opsets["ai.onnx.ml"] ?? 1) >= 4
            keys = .floats(
                Dictionary(list.enumerated().filter { !$1.isNaN }.map { ($1, $0) }, uniquingKeysWith: { first, _ in first }),
                nanIndex: nanMatches ? list.firstIndex { $0.isNaN } : nil)
        default: throw attributes.invalid("keys", "must be strings, int64s or floats")
        }
        let given = try attributes.tensor("default_tensor")?.elements
        switch valueElements {
        case let .string(list):
            var fallback = try attributes.string("default_string", default: "_Unused")
            if case let .string(tensor)? = given, let first = tensor.first { fallback = first }
            valueElements = .string(list + [fallback])
        case let .int64(list):
            var fallback = try attributes.int("default_int64", default: -1)
            if case let .int64(tensor)? = given, let first = tensor.first { fallback = first }
            valueElements = .int64(list + [fallback])
        case let .float(list):
            var fallback = try attributes.float("default_float", default: -0.0)
            if case let .float(tensor)? = given, let first = tensor.first { fallback = first }
            valueElements = .float(list + [fallback])
        default: throw attributes.invalid("values", "must be strings, int64s or floats")
        }
        values = valueElements
        defaultIndex = valueElements.count - 1
    }

    /// The `<prefix>_tensor` attribute's elements, else the first given of `<prefix>_strings`,
    /// `<prefix>_int64s` and `<prefix>_floats`.
    private static func elements(_ prefix: String, _ attributes: NodeAttributes) throws(ModelError) -> Tensor.Elements {
        if let tensor = try attributes.tensor("\(prefix)_tensor") { return tensor.elements }
        if case let strings = try attributes.strings("\(prefix)_strings"), !strings.isEmpty { return .string(strings) }
        if case let ints = try attributes.ints("\(prefix)_int64s"), !ints.isEmpty { return .int64(ints) }
        return .float(try attributes.floats("\(prefix)_floats"))
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let input = try inputs.tensor(0, node: node)
        let positions: [Int]
        switch (keys, input.elements) {
        case let (.strings(table), .string(elements)): positions = elements.map { table[$0] ?? defaultIndex }
        case let (.ints(table), .int64(elements)): positions = elements.map { table[$0] ?? defaultIndex }
        case let (.floats(table, nanIndex), .float(elements)): positions = elements.map { $0.isNaN ? nanIndex ?? defaultIndex : table[$0] ?? defaultIndex }
        case let (.floats(table, nanIndex), .double(elements)):
            positions = elements.map { $0.isNaN ? nanIndex ?? defaultIndex : table[Float($0)] ?? defaultIndex }
        default:
            throw .evaluation(node: node, message: "the input's \(input.elements.elementType) elements are not of the keys' type")
        }
        return [.tensor(Tensor(checkedShape: input.shape, values.picking(positions)))]
    }
}
