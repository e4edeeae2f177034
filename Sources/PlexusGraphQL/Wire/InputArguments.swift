/// The arguments of a mutation that takes one input object, such as `createScoreResult(input:)`.
struct InputArguments<Input: Decodable & Sendable>: Decodable, Sendable {
    /// The input object.
    let input: Input
}
