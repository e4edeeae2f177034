/// The stretch of text that best matches a phrase, and how well.
public struct FuzzyMatch: Sendable, Hashable {
    /// Similarity in [0, 1]; 1 means the window equals the phrase after normalization.
    public var similarity: Double
    /// The matching window as written in the original text (first word to last word).
    public var text: Substring
    /// The turn the window lies in, when the search was scoped to a speaker.
    public var turn: SpeakerTurn?

    /// Creates a match.
    public init(similarity: Double, text: Substring, turn: SpeakerTurn?) {
        self.similarity = similarity
        self.text = text
        self.turn = turn
    }
}
