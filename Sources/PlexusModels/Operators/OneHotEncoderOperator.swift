/// `OneHotEncoder` (ai.onnx.ml): each value becomes a row of zeros with a one at its category's
/// position (output shape: the input's plus the category count); a value in no category gives
/// all zeros when `zeros` is 1, and is an error otherwise.
struct OneHotEncoderOperator: ONNXOperator {
    private let numbers: [Int64: Int]
    private let names: [String: Int]
    private let count: Int
    private let unknownGivesZeros: Bool

    init(_ attributes: NodeAttributes) throws(ModelError) {
        let strings = try attributes.strings("cats_strings"), ints = try attributes.ints("cats_int64s")
        guard strings.isEmpty != ints.isEmpty else { throw attributes.invalid("cats_strings", "or cats_int64s must be given, not both") }
        names = Dictionary(strings.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        numbers = Dictionary(ints.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        count = max(strings.count, ints.count)
        unknownGivesZeros = try attributes.int("zeros", default: 1) != 0
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let input = try inputs.tensor(0, node: node)
        let positions: [Int?]
        switch input.elements {
        case let .string(values): positions = values.map { names[$0] }
        case let .int64(values): positions = values.map { numbers[$0] }
        case let .float(values): positions = values.map { Int64(exactly: $0).flatMap { numbers[$0] } }
        case let .double(values): positions = values.map { Int64(exactly: $0).flatMap { numbers[$0] } }
        case let .bool(values): positions = values.map { numbers[$0 ? 1 : 0] }
        }
        var output = [Float](repeating: 0, count: positions.count * count)
        for (index, position) in positions.enumerated() {
            guard let position else {
                if unknownGivesZeros { continue }
                throw .evaluation(node: node, message: "value \(index) is in none of the \(count) categories")
            }
            output[index * count + position] = 1
        }
        return [.tensor(Tensor(checkedShape: input.shape + [count], .float(output)))]
    }
}
