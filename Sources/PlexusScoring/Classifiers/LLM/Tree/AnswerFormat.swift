import Foundation
import PlexusCore

/// How a classifier node reads the model's answer.
enum AnswerFormat: String, Sendable, Hashable, Decodable, CaseIterable {
    case yesNo = "yes_no"
    case `class`
    case number
    case json

    /// The answer in canonical form, or `nil` when it cannot be read.
    func parse(_ raw: String, classes: [String], field: String) -> String? {
        switch self {
        case .yesNo:
            return Self.matchClass(raw, among: ["Yes", "No"])
        case .class:
            return Self.matchClass(raw, among: classes)
        case .number:
            guard let range = raw.range(of: "-?[0-9]+(\\.[0-9]+)?", options: .regularExpression), let value = Double(raw[range]) else { return nil }
            return value.plainText
        case .json:
            guard let start = raw.firstIndex(of: "{"), let end = raw.lastIndex(of: "}"), start < end,
                let object = try? JSONDecoder().decode(JSONValue.self, from: Data(raw[start...end].utf8)),
                let value = object[field]
            else { return nil }
            let text: String? = switch value {
            case .string(let string): string
            case .number(let number): number.plainText
            case .bool(let flag): flag ? "Yes" : "No"
            default: nil
            }
            guard let text else { return nil }
            return classes.isEmpty ? text : Self.matchClass(text, among: classes)
        }
    }

    /// The answers the node can give, for confidence and re-ask messages; empty for open answers.
    func candidates(classes: [String]) -> [String] {
        switch self {
        case .yesNo: ["Yes", "No"]
        case .class, .json: classes
        case .number: []
        }
    }

    /// The class `raw` names: an exact (case-insensitive) match, else the one class the answer
    /// starts with or contains as a whole word; `nil` when none or several do.
    static func matchClass(_ raw: String, among classes: [String]) -> String? {
        let cleaned = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters).union(CharacterSet(charactersIn: "*`")))
        if let exact = classes.first(where: { $0.caseInsensitiveCompare(cleaned) == .orderedSame }) { return exact }
        let starting = classes.filter { startsWithWord($0, in: cleaned) }
        if let longest = starting.max(by: { $0.count < $1.count }) { return longest }
        let mentioned = classes.filter { containsWord($0, in: cleaned) }
        return mentioned.count == 1 ? mentioned[0] : nil
    }

    private static func startsWithWord(_ word: String, in text: String) -> Bool {
        guard text.range(of: word, options: [.caseInsensitive, .anchored]) != nil else { return false }
        let rest = text.dropFirst(word.count)
        return rest.first.map { !$0.isLetter && !$0.isNumber } ?? true
    }

    private static func containsWord(_ word: String, in text: String) -> Bool {
        let pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: word) + "(?![\\p{L}\\p{N}])"
        return text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil
    }
}
