import PlexusCore

/// A `fuzzy` classifier block, read and checked.
struct FuzzySettings: Sendable {
    /// Whether any phrase or every phrase must reach the threshold.
    enum Requirement: String, Sendable, CaseIterable {
        case any, all
    }

    static let fields = ["type", "scope", "phrases", "method", "threshold", "match", "matched_class", "unmatched_class"]

    var scope: String?
    var matchers: [FuzzyMatcher]
    var threshold: Double
    var requirement: Requirement
    var matchedClass: String
    var unmatchedClass: String

    /// Reads `settings` for `score`, returning the settings or every problem found.
    static func read(_ settings: JSONValue, for score: ScoreDefinition) -> Result<FuzzySettings, ProblemList> {
        guard case .object(let block) = settings else {
            return .failure(ProblemList([SettingsProblem(path: "", message: "The classifier block must be a mapping.")]))
        }
        var problems = BlockFields.unknown(in: block, allowed: fields, at: "")
        let scope = BlockFields.string("scope", in: block, at: "", required: false, problems: &problems)
        let matched = BlockFields.string("matched_class", in: block, at: "", required: true, problems: &problems)
        let unmatched = BlockFields.string("unmatched_class", in: block, at: "", required: true, problems: &problems)
        for (key, value) in [("matched_class", matched), ("unmatched_class", unmatched)] {
            if let value { problems += BlockFields.checkClass(value, at: key, of: score) }
        }
        let method = choice("method", in: block, default: FuzzyMethod.tokenSet, problems: &problems)
        let requirement = choice("match", in: block, default: Requirement.all, problems: &problems)
        var threshold = 0.8
        switch block["threshold"] {
        case nil: break
        case .number(let value) where value > 0 && value <= 1: threshold = value
        case .some(let other):
            problems.append(SettingsProblem(path: "threshold", message: "Expected a number above 0 and at most 1, found \(BlockFields.describe(other))."))
        }
        var matchers: [FuzzyMatcher] = []
        if case .array(let items)? = block["phrases"], !items.isEmpty {
            for (index, item) in items.enumerated() {
                let matcher = item.stringValue.map { FuzzyMatcher(phrase: $0, method: method ?? .tokenSet) }
                guard let matcher, matcher.isSearchable else {
                    problems.append(SettingsProblem(path: BlockFields.path("phrases", index), message: "Expected a phrase with at least one word, found \(BlockFields.describe(item))."))
                    continue
                }
                matchers.append(matcher)
            }
        } else {
            problems.append(SettingsProblem(path: "phrases", message: "Expected a non-empty list of phrases."))
        }
        guard problems.isEmpty, let matched, let unmatched, let requirement else { return .failure(ProblemList(problems)) }
        return .success(FuzzySettings(
            scope: scope, matchers: matchers, threshold: threshold, requirement: requirement, matchedClass: matched, unmatchedClass: unmatched
        ))
    }

    /// The option named at `key`, `fallback` when absent, or `nil` with a problem when unknown.
    private static func choice<Option: RawRepresentable & CaseIterable>(
        _ key: String, in block: [String: JSONValue], default fallback: Option, problems: inout [SettingsProblem]
    ) -> Option? where Option.RawValue == String {
        guard let value = block[key] else { return fallback }
        if let text = value.stringValue, let option = Option(rawValue: text) { return option }
        let options = Option.allCases.map(\.rawValue).joined(separator: ", ")
        problems.append(SettingsProblem(path: key, message: "Expected one of \(options), found \(BlockFields.describe(value))."))
        return nil
    }
}
