import Foundation

/// One condition of a `rules` outcome, as read from its YAML mapping.
struct RuleCondition: Sendable {
    /// What the condition tests.
    indirect enum Test: Sendable {
        /// Any of these phrases occurs (case-insensitive, any whitespace between words, whole words).
        case phrases([String], [NSRegularExpression])
        /// The regular expression matches.
        case regex(String, NSRegularExpression)
        /// At least one condition holds.
        case any([RuleCondition])
        /// Every condition holds.
        case all([RuleCondition])
        /// The condition does not hold.
        case not(RuleCondition)
    }

    /// What is tested.
    var test: Test
    /// The speaker whose turns are searched, replacing the scope of the enclosing condition or block.
    var scope: String?
    /// Where the condition sits relative to the outcome's `when`, e.g. `any[0]`; empty for `when` itself.
    var path: String

    /// The regular expression that finds `phrase` as whole words, ignoring case and allowing any
    /// whitespace between words.
    static func expression(forPhrase phrase: String) throws -> NSRegularExpression {
        let words = phrase.split(whereSeparator: \.isWhitespace).map { NSRegularExpression.escapedPattern(for: String($0)) }
        let pattern = "(?<![\\p{L}\\p{N}_])" + words.joined(separator: "\\s+") + "(?![\\p{L}\\p{N}_])"
        return try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    /// A short description of a leaf test for explanations: `phrase "thank you"` or `regex "\d+"`.
    func describe(matchedPhrase index: Int? = nil) -> String {
        switch test {
        case .phrases(let phrases, _): "phrase \"\(phrases[index ?? 0])\""
        case .regex(let pattern, _): "regex \"\(pattern)\""
        case .any: "any"
        case .all: "all"
        case .not(let inner): "not \(inner.describe())"
        }
    }
}
