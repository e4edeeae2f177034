/// `Cast`: converts a tensor's elements to float, double, int64 (truncating toward zero, as
/// C's conversion), string or bool (non-zero is true).
struct CastOperator: ONNXOperator {
    private let target: TensorElementType

    init(_ attributes: NodeAttributes) throws(ModelError) {
        let code = try attributes.int("to")
        guard let target = TensorElementType(rawValue: Int32(truncatingIfNeeded: code)), [.float, .double, .int64, .string, .bool].contains(target) else {
            throw attributes.invalid("to", "asks for element type \(code); Cast runs to float (1), int64 (7), string (8), bool (9) or double (11)")
        }
        self.target = target
    }

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        let input = try inputs.tensor(0, node: node)
        let elements: Tensor.Elements
        switch (input.elements, target) {
        case let (.string(values), .string): elements = .string(values)
        case let (.string(values), _):
            let numbers = values.map { Double($0) }
            guard numbers.allSatisfy({ $0 != nil }) else { throw .evaluation(node: node, message: "a string is not a number") }
            elements = Self.numbers(numbers.map { $0! }, to: target)
        case let (.float(values), _): elements = Self.numbers(values.map(Double.init), to: target)
        case let (.double(values), _): elements = Self.numbers(values, to: target)
        case let (.int64(values), .int64): elements = .int64(values)
        case let (.int64(values), _): elements = Self.numbers(values.map(Double.init), to: target)
        case let (.bool(values), .bool): elements = .bool(values)
        case let (.bool(values), .string): elements = .string(values.map { $0 ? "1" : "0" })
        case let (.bool(values), _): elements = Self.numbers(values.map { $0 ? 1 : 0 }, to: target)
        }
        return [.tensor(Tensor(checkedShape: input.shape, elements))]
    }

    private static func numbers(_ values: [Double], to target: TensorElementType) -> Tensor.Elements {
        switch target {
        case .float: .float(values.map(Float.init))
        case .int64:
            .int64(values.map { value in
                guard value.isFinite else { return 0 }
                return Int64(exactly: value.rounded(.towardZero)) ?? (value < 0 ? .min : .max)
            })
        case .string: .string(values.map { String($0) })
        case .bool: .bool(values.map { $0 != 0 })
        default: .double(values)
        }
    }
}
