/// A stretch of an item's text that a classifier searches: one speaker turn, or the whole text.
public struct TextSegment: Sendable, Hashable {
    /// The searched text, a slice of the item's text (so its indices are the item's).
    public var text: Substring
    /// The turn this segment is, or `nil` when it is the whole text.
    public var turn: SpeakerTurn?

    /// Creates a segment.
    public init(text: Substring, turn: SpeakerTurn?) {
        self.text = text
        self.turn = turn
    }
}
