import Foundation

/// Decides whether conditions hold for one item's text, collecting the evidence.
struct RuleEvaluator {
    /// Characters of context shown on each side of a match.
    static let contextLength = 30

    let transcript: Transcript

    /// Whether `condition` holds, appending the evidence to `matches` when it does. `any` stops at
    /// the first condition that holds; `all` at the first that does not.
    func holds(_ condition: RuleCondition, scope inherited: String?, matches: inout [RuleMatch]) -> Bool {
        let scope = condition.scope ?? inherited
        let path = condition.path.isEmpty ? "when" : condition.path
        switch condition.test {
        case .phrases(_, let expressions):
            for (index, expression) in expressions.enumerated() {
                if let match = firstMatch(expression, scope: scope, path: path, rule: condition.describe(matchedPhrase: index)) {
                    matches.append(match)
                    return true
                }
            }
            return false
        case .regex(_, let expression):
            guard let match = firstMatch(expression, scope: scope, path: path, rule: condition.describe()) else { return false }
            matches.append(match)
            return true
        case .any(let conditions):
            return conditions.contains { holds($0, scope: scope, matches: &matches) }
        case .all(let conditions):
            var found: [RuleMatch] = []
            guard conditions.allSatisfy({ holds($0, scope: scope, matches: &found) }) else { return false }
            matches += found
            return true
        case .not(let inner):
            var ignored: [RuleMatch] = []
            guard !holds(inner, scope: scope, matches: &ignored) else { return false }
            matches.append(RuleMatch(path: path, rule: condition.describe(), text: nil))
            return true
        }
    }

    private func firstMatch(_ expression: NSRegularExpression, scope: String?, path: String, rule: String) -> RuleMatch? {
        let text = transcript.text
        for segment in transcript.segments(scope: scope) {
            // Searching the item's text within the segment's range keeps indices the item's, where the turns live;
            // the range's bounds are opaque, so lookarounds and anchors see the segment's edges.
            let range = NSRange(segment.text.startIndex..<segment.text.endIndex, in: text)
            guard let found = expression.firstMatch(in: text, range: range), let matched = Range(found.range, in: text) else { continue }
            let turn = segment.turn ?? transcript.turn(containing: matched.lowerBound)
            return RuleMatch(path: path, rule: rule, text: String(text[matched]), turn: turn, context: context(of: matched, in: turn?.line ?? segment.text))
        }
        return nil
    }

    private func context(of range: Range<String.Index>, in text: Substring) -> String {
        let start = text.index(range.lowerBound, offsetBy: -Self.contextLength, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: Self.contextLength, limitedBy: text.endIndex) ?? text.endIndex
        let prefix = start > text.startIndex ? "…" : ""
        let suffix = end < text.endIndex ? "…" : ""
        return prefix + text[start..<end].replacingOccurrences(of: "\n", with: " ") + suffix
    }
}
