/// `Identity`: passes its input on.
struct IdentityOperator: ONNXOperator {
    init(_ attributes: NodeAttributes) throws(ModelError) {}

    func run(_ inputs: [ONNXValue?], node: String) throws(ModelError) -> [ONNXValue] {
        guard let value = inputs.first ?? nil else { throw .evaluation(node: node, message: "no input") }
        return [value]
    }
}
