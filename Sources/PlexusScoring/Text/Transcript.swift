import Foundation

/// An item's text split into speaker turns, for classifiers that look at one speaker only.
///
/// A line of the form `Name: utterance` starts a turn, where `Name` starts with a letter, has at most
/// 48 bytes and no colon. Lines that do not look like that continue the current turn; text
/// before the first speaker line forms a turn without a speaker.
public struct Transcript: Sendable {
    /// The text split into turns, in order.
    public let turns: [SpeakerTurn]
    /// The whole text.
    public let text: String

    /// Splits `text` into turns.
    public init(_ text: String) {
        self.text = text
        var turns: [SpeakerTurn] = []
        var lineStart = text.startIndex
        while lineStart < text.endIndex {
            // Searching bytes, not Characters: grapheme breaking would dominate the cost of scoring.
            let lineEnd = text.utf8[lineStart...].firstIndex(of: 0x0A) ?? text.endIndex
            let line = text[lineStart..<lineEnd]
            if let (speaker, utterance) = Self.speakerLine(line) {
                turns.append(SpeakerTurn(number: turns.count + 1, speaker: speaker, line: line, utterance: utterance))
            } else if let last = turns.last {
                turns[turns.count - 1].line = text[last.line.startIndex..<lineEnd]
                turns[turns.count - 1].utterance = Self.trimmed(text[last.utterance.startIndex..<lineEnd])
            } else if !line.allSatisfy(\.isWhitespace) {
                turns.append(SpeakerTurn(number: 1, speaker: nil, line: line, utterance: Self.trimmed(line)))
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
        }
        self.turns = turns
    }

    /// The segments to search: the whole text when `scope` is `nil`, else the turns `scope` spoke.
    public func segments(scope: String?) -> [TextSegment] {
        guard let scope else { return [TextSegment(text: text[...], turn: nil)] }
        return turns.filter { $0.isSpoken(by: scope) }.map { TextSegment(text: $0.utterance, turn: $0) }
    }

    /// The turn holding the character at `index`, if any.
    public func turn(containing index: String.Index) -> SpeakerTurn? {
        turns.last { $0.line.startIndex <= index }.flatMap { $0.line.endIndex >= index ? $0 : nil }
    }

    /// Bytes searched for the colon that ends a speaker label; longer labels are not speakers.
    private static let longestSpeakerLabel = 48

    private static func speakerLine(_ line: Substring) -> (String, Substring)? {
        let start = line.firstIndex { !$0.isWhitespace } ?? line.endIndex
        guard start < line.endIndex, line[start].isLetter,
              let colon = line.utf8[start...].prefix(Self.longestSpeakerLabel).firstIndex(of: 0x3A) else { return nil }
        let name = String(trimmed(line[start..<colon]))
        let allowed = name.allSatisfy { $0.isLetter || $0.isNumber || " ._'-".contains($0) }
        guard !name.isEmpty, allowed else { return nil }
        return (name, trimmed(line[line.index(after: colon)...]))
    }

    /// `text` without leading and trailing whitespace.
    static func trimmed(_ text: Substring) -> Substring {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }) else { return text[text.endIndex...] }
        let last = text.lastIndex { !$0.isWhitespace }!
        return text[first...last]
    }
}
