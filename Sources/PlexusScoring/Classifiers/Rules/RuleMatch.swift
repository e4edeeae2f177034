import PlexusCore

/// Evidence for a rule that held: the text a phrase or pattern matched, or the absence a `not` needed.
struct RuleMatch: Sendable, Hashable {
    /// The condition's path relative to its outcome's `when`, or `when` itself.
    var path: String
    /// `phrase "thank you"`, `regex "\d+"` or `not phrase "refund"`.
    var rule: String
    /// The matched text, or `nil` for a `not` that held.
    var text: String?
    /// The turn holding the match, when the text has speaker turns.
    var turn: SpeakerTurn?
    /// The match with some text either side, for explanations.
    var context: String?

    /// One line of the explanation.
    var sentence: String {
        guard let text else { return "\(path) held: \(rule.dropFirst(4)) not found" }
        let place = turn.map { " in \($0.label)" } ?? ""
        return "\(path) \(rule) matched \"\(text)\"\(place): \"\(context ?? text)\""
    }

    /// The match as detail JSON.
    var json: JSONValue {
        var object: [String: JSONValue] = ["path": .string(path), "rule": .string(rule)]
        object["text"] = text.map(JSONValue.string) ?? .null
        if let turn {
            object["turn"] = .number(Double(turn.number))
            object["speaker"] = turn.speaker.map(JSONValue.string) ?? .null
        }
        return .object(object)
    }
}
