import Foundation
import PlexusCore

/// Reads `when` conditions from a classifier block, collecting every problem with its path.
struct RuleConditionReader {
    /// Fields that select what a condition tests; a condition has exactly one of them.
    static let tests = ["phrase", "phrases", "regex", "any", "all", "not"]
    /// Deeper nesting is refused, so a hostile block cannot exhaust the stack.
    static let maximumDepth = 32

    /// Problems found so far.
    var problems: [SettingsProblem] = []

    /// The condition at `value`, or `nil` when it has problems. `blockPath` locates it in the block
    /// (`outcomes[0].when.any[1]`); `conditionPath` relative to the outcome's `when` (`any[1]`).
    mutating func read(_ value: JSONValue, blockPath: String, conditionPath: String = "", depth: Int = 0) -> RuleCondition? {
        guard depth < Self.maximumDepth else {
            problems.append(SettingsProblem(path: blockPath, message: "Conditions nest deeper than \(Self.maximumDepth) levels; flatten them."))
            return nil
        }
        guard case .object(let object) = value else {
            problems.append(SettingsProblem(path: blockPath, message: "Expected a condition mapping such as {phrase: \"thank you\"}, found \(BlockFields.describe(value))."))
            return nil
        }
        problems += BlockFields.unknown(in: object, allowed: Self.tests + ["scope"], at: blockPath)
        let scope = BlockFields.string("scope", in: object, at: blockPath, required: false, problems: &problems)
        let present = Self.tests.filter { object[$0] != nil }
        guard present.count == 1, let key = present.first, let content = object[key] else {
            let found = present.isEmpty ? "none" : present.joined(separator: " and ")
            problems.append(SettingsProblem(path: blockPath, message: "A condition needs exactly one of \(Self.tests.joined(separator: ", ")); found \(found)."))
            return nil
        }
        let at = BlockFields.path(blockPath, key)
        let inner = BlockFields.path(conditionPath, key)
        let test: RuleCondition.Test? = switch key {
        case "phrase": phrases([content], at: at, listed: false)
        case "phrases": phrasesList(content, at: at)
        case "regex": regex(content, at: at)
        case "not": read(content, blockPath: at, conditionPath: inner, depth: depth + 1).map { .not($0) }
        default: list(content, key: key, at: at, conditionPath: inner, depth: depth)
        }
        return test.map { RuleCondition(test: $0, scope: scope, path: conditionPath) }
    }

    private mutating func phrasesList(_ content: JSONValue, at path: String) -> RuleCondition.Test? {
        guard case .array(let items) = content, !items.isEmpty else {
            problems.append(SettingsProblem(path: path, message: "Expected a non-empty list of phrases."))
            return nil
        }
        return phrases(items, at: path, listed: true)
    }

    private mutating func phrases(_ items: [JSONValue], at path: String, listed: Bool) -> RuleCondition.Test? {
        var texts: [String] = [], expressions: [NSRegularExpression] = []
        for (index, item) in items.enumerated() {
            let itemPath = listed ? BlockFields.path(path, index) : path
            guard case .string(let text) = item, !text.trimmingCharacters(in: .whitespaces).isEmpty,
                  let expression = try? RuleCondition.expression(forPhrase: text) else {
                problems.append(SettingsProblem(path: itemPath, message: "Expected a non-empty phrase, found \(BlockFields.describe(item))."))
                continue
            }
            texts.append(text)
            expressions.append(expression)
        }
        return texts.count == items.count ? .phrases(texts, expressions) : nil
    }

    private mutating func regex(_ content: JSONValue, at path: String) -> RuleCondition.Test? {
        guard case .string(let pattern) = content, !pattern.isEmpty else {
            problems.append(SettingsProblem(path: path, message: "Expected a non-empty regular expression, found \(BlockFields.describe(content))."))
            return nil
        }
        do {
            return .regex(pattern, try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]))
        } catch {
            problems.append(SettingsProblem(path: path, message: "'\(pattern)' is not a valid regular expression (ICU syntax); check its brackets and escapes."))
            return nil
        }
    }

    private mutating func list(_ content: JSONValue, key: String, at path: String, conditionPath: String, depth: Int) -> RuleCondition.Test? {
        guard case .array(let items) = content, !items.isEmpty else {
            problems.append(SettingsProblem(path: path, message: "'\(key)' needs a non-empty list of conditions."))
            return nil
        }
        let conditions = items.enumerated().map { index, item in
            read(item, blockPath: BlockFields.path(path, index), conditionPath: BlockFields.path(conditionPath, index), depth: depth + 1)
        }
        let parsed = conditions.compactMap { $0 }
        guard parsed.count == items.count else { return nil }
        return key == "any" ? .any(parsed) : .all(parsed)
    }
}
