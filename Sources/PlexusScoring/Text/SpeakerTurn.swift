/// One turn of a transcript: a `Speaker: utterance` line and the lines that continue it.
public struct SpeakerTurn: Sendable, Hashable {
    /// The turn's position in the text, counting every turn from 1.
    public var number: Int
    /// The speaker's name as written, or `nil` for text before the first `Name:` line.
    public var speaker: String?
    /// The whole turn in the original text, speaker label included.
    public var line: Substring
    /// What was said: the turn without its speaker label, trimmed of surrounding whitespace.
    public var utterance: Substring

    /// Creates a turn.
    public init(number: Int, speaker: String?, line: Substring, utterance: Substring) {
        self.number = number
        self.speaker = speaker
        self.line = line
        self.utterance = utterance
    }

    /// Whether `name` names this turn's speaker, ignoring case and surrounding whitespace.
    public func isSpoken(by name: String) -> Bool {
        guard let speaker else { return false }
        return speaker.lowercased() == Transcript.trimmed(name[...]).lowercased()
    }

    /// `Agent turn 3`, or `turn 3` when the turn has no speaker.
    public var label: String {
        if let speaker { "\(speaker) turn \(number)" } else { "turn \(number)" }
    }
}
