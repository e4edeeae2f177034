import PlexusCore

/// A `logic` classifier block, read and checked.
struct LogicSettings: Sendable {
    /// One outcome: the class given when its expression is true.
    struct Outcome: Sendable {
        var value: String
        var when: LogicExpression
    }

    static let fields = ["type", "outcomes", "default"]

    var outcomes: [Outcome]
    var defaultValue: String

    /// Reads `settings` for `score`, returning the settings or every problem found.
    static func read(_ settings: JSONValue, for score: ScoreDefinition) -> Result<LogicSettings, ProblemList> {
        guard case .object(let block) = settings else {
            return .failure(ProblemList([SettingsProblem(path: "", message: "The classifier block must be a mapping.")]))
        }
        var problems = BlockFields.unknown(in: block, allowed: fields, at: "")
        let defaultValue = BlockFields.string("default", in: block, at: "", required: true, problems: &problems)
        if let defaultValue { problems += BlockFields.checkClass(defaultValue, at: "default", of: score) }
        var outcomes: [Outcome] = []
        guard case .array(let items)? = block["outcomes"], !items.isEmpty else {
            problems.append(SettingsProblem(path: "outcomes", message: "Expected a non-empty list of outcomes, each with 'class' and 'when'."))
            return .failure(ProblemList(problems))
        }
        for (index, item) in items.enumerated() {
            let path = BlockFields.path("outcomes", index)
            guard case .object(let object) = item else {
                problems.append(SettingsProblem(path: path, message: "Expected a mapping with 'class' and 'when'."))
                continue
            }
            problems += BlockFields.unknown(in: object, allowed: ["class", "when"], at: path)
            let value = BlockFields.string("class", in: object, at: path, required: true, problems: &problems)
            if let value { problems += BlockFields.checkClass(value, at: BlockFields.path(path, "class"), of: score) }
            guard let source = BlockFields.string("when", in: object, at: path, required: true, problems: &problems) else { continue }
            do {
                let expression = try LogicExpression(parsing: source)
                if let value { outcomes.append(Outcome(value: value, when: expression)) }
            } catch {
                problems.append(SettingsProblem(path: BlockFields.path(path, "when"), message: "\(error.description): \(source)"))
            }
        }
        guard problems.isEmpty, let defaultValue else { return .failure(ProblemList(problems)) }
        return .success(LogicSettings(outcomes: outcomes, defaultValue: defaultValue))
    }
}
