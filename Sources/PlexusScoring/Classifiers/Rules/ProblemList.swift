/// Every problem found in a classifier block, thrown when a classifier is built from settings
/// that did not validate.
struct ProblemList: Error, Sendable, CustomStringConvertible {
    /// The problems, in the order found.
    var problems: [SettingsProblem]

    init(_ problems: [SettingsProblem]) { self.problems = problems }

    var description: String {
        problems.map { "\($0.path.isEmpty ? "classifier" : $0.path): \($0.message)" }.joined(separator: "; ")
    }
}
