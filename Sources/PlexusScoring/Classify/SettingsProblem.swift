/// Something wrong with a classifier block, located by a path relative to the block.
public struct SettingsProblem: Sendable, Hashable, Error {
    /// Where, relative to the classifier block: `rules[2].pattern`, `nodes.greet.user`, or empty for the block itself.
    public var path: String
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates a problem.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}
