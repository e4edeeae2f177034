import Foundation

/// The pieces of a prompt the fake model reads: double-quoted phrases, the text outside them, and speaker turns.
struct PromptText: Sendable {
    /// The prompt as given.
    let text: String
    /// Every double-quoted phrase ("…" or “…”), in order.
    let quotedPhrases: [String]
    /// The prompt with quoted phrases blanked out: where the fake looks for evidence, so a phrase
    /// named in the question never counts as found in the transcript.
    let outsideQuotes: String

    private static let quoted = try! NSRegularExpression(pattern: "\"([^\"\\n]+)\"|\u{201C}([^\u{201D}\\n]+)\u{201D}")
    private static let turn = try! NSRegularExpression(pattern: "^\\s*([A-Z][A-Za-z0-9 _.-]{0,30}):\\s+(\\S.*)$")

    /// Reads `text`.
    init(_ text: String) {
        self.text = text
        let range = NSRange(text.startIndex..., in: text)
        let matches = Self.quoted.matches(in: text, range: range)
        quotedPhrases = matches.compactMap { match in
            let group = match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range(at: 2)
            return Range(group, in: text).map { String(text[$0]) }
        }
        outsideQuotes = Self.quoted.stringByReplacingMatches(in: text, range: range, withTemplate: " ")
    }

    /// The `Speaker: utterance` lines outside quotes.
    var turns: [(speaker: String, utterance: String)] {
        outsideQuotes.split(separator: "\n").compactMap { line in
            let line = String(line)
            guard let match = Self.turn.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
                let speaker = Range(match.range(at: 1), in: line), let utterance = Range(match.range(at: 2), in: line)
            else { return nil }
            return (String(line[speaker]), String(line[utterance]))
        }
    }

    /// Whether `phrase` occurs outside quotes, case-insensitively.
    func mentions(_ phrase: String) -> Bool {
        outsideQuotes.range(of: phrase, options: .caseInsensitive) != nil
    }

    /// How many times `phrase` occurs outside quotes, case-insensitively.
    func occurrences(of phrase: String) -> Int {
        guard !phrase.isEmpty else { return 0 }
        return outsideQuotes.lowercased().components(separatedBy: phrase.lowercased()).count - 1
    }

    /// Whether `word` occurs in `text` as a whole word (not inside a longer word), case-insensitively.
    static func containsWord(_ word: String, in text: String) -> Bool {
        let escaped = NSRegularExpression.escapedPattern(for: word)
        guard let regex = try? NSRegularExpression(pattern: "(?<![A-Za-z0-9])\(escaped)(?![A-Za-z0-9])", options: .caseInsensitive) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
