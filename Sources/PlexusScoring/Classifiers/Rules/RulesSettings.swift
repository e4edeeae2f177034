import PlexusCore

/// A `rules` classifier block, read and checked.
struct RulesSettings: Sendable {
    /// One outcome: the class given when its condition holds.
    struct Outcome: Sendable {
        var value: String
        var when: RuleCondition
    }

    /// Fields a `rules` block may have.
    static let fields = ["type", "scope", "outcomes", "default"]

    var scope: String?
    var outcomes: [Outcome]
    var defaultValue: String

    /// Reads `settings` for `score`, returning the settings or every problem found.
    static func read(_ settings: JSONValue, for score: ScoreDefinition) -> Result<RulesSettings, ProblemList> {
        guard case .object(let block) = settings else {
            return .failure(ProblemList([SettingsProblem(path: "", message: "The classifier block must be a mapping.")]))
        }
        var problems = BlockFields.unknown(in: block, allowed: fields, at: "")
        let scope = BlockFields.string("scope", in: block, at: "", required: false, problems: &problems)
        let defaultValue = BlockFields.string("default", in: block, at: "", required: true, problems: &problems)
        if let defaultValue { problems += BlockFields.checkClass(defaultValue, at: "default", of: score) }
        var outcomes: [Outcome] = []
        if case .array(let items)? = block["outcomes"], !items.isEmpty {
            var reader = RuleConditionReader()
            for (index, item) in items.enumerated() {
                let path = BlockFields.path("outcomes", index)
                guard case .object(let object) = item else {
                    problems.append(SettingsProblem(path: path, message: "Expected a mapping with 'class' and 'when'."))
                    continue
                }
                problems += BlockFields.unknown(in: object, allowed: ["class", "when"], at: path)
                let value = BlockFields.string("class", in: object, at: path, required: true, problems: &problems)
                if let value { problems += BlockFields.checkClass(value, at: BlockFields.path(path, "class"), of: score) }
                guard let when = object["when"] else {
                    problems.append(SettingsProblem(path: BlockFields.path(path, "when"), message: "Missing required field 'when'."))
                    continue
                }
                if let condition = reader.read(when, blockPath: BlockFields.path(path, "when")), let value {
                    outcomes.append(Outcome(value: value, when: condition))
                }
            }
            problems += reader.problems
        } else {
            problems.append(SettingsProblem(path: "outcomes", message: "Expected a non-empty list of outcomes, each with 'class' and 'when'."))
        }
        guard problems.isEmpty, let defaultValue else { return .failure(ProblemList(problems)) }
        return .success(RulesSettings(scope: scope, outcomes: outcomes, defaultValue: defaultValue))
    }
}
