/// Finds where a phrase was said, allowing for imperfect wording, and how closely.
///
/// The phrase and the searched text are normalized (``NormalizedWords``). Every window of
/// consecutive words within one segment is compared with the phrase, for window lengths from
/// `n - slack` to `n + slack` words, where `n` is the phrase's word count and
/// `slack = max(1, n / 4)` (both capped at the segment's word count, so a segment shorter than
/// the phrase is compared whole). The best window wins; on a tie, the first one (earliest
/// segment, then earliest start, then fewest words). A perfect window stops the search.
///
/// ```swift
/// let matcher = FuzzyMatcher(phrase: "this call may be recorded", method: .editDistance)
/// let match = matcher.bestMatch(in: "Agent: Hi, this call might be recorded.")
/// // match?.text == "this call might be recorded", match?.similarity ≈ 0.85
/// ```
public struct FuzzyMatcher: Sendable {
    /// The phrase as given.
    public let phrase: String
    /// How windows are compared with the phrase.
    public let method: FuzzyMethod
    /// The phrase normalized.
    let normalized: NormalizedWords
    /// The fewest and most words a window may have.
    let windowSizes: ClosedRange<Int>
    /// The phrase's scalar masks, when it is short enough (1 to 64 scalars) for the bit-parallel distance.
    let phraseMasks: PatternMasks?

    /// Prepares to search for `phrase`.
    public init(phrase: String, method: FuzzyMethod = .editDistance) {
        self.phrase = phrase
        self.method = method
        normalized = NormalizedWords(phrase)
        let count = normalized.words.count
        let slack = max(1, count / 4)
        windowSizes = max(1, count - slack)...max(1, count + slack)
        phraseMasks = (1...64).contains(normalized.scalars.count) ? PatternMasks(normalized.scalars) : nil
    }

    /// Whether the phrase has any word to search for; a matcher without words finds nothing.
    public var isSearchable: Bool { !normalized.words.isEmpty }

    /// The best window of the whole of `text`, or `nil` when either has no words.
    public func bestMatch(in text: String) -> FuzzyMatch? {
        bestMatch(in: [TextSegment(text: text[...], turn: nil)])
    }

    /// The best window of any of `segments` (windows never span two segments), or `nil` when
    /// the phrase or all segments have no words.
    public func bestMatch(in segments: [TextSegment]) -> FuzzyMatch? {
        guard isSearchable else { return nil }
        var best: FuzzyMatch?
        for segment in segments {
            let words = NormalizedWords(segment.text)
            guard !words.words.isEmpty else { continue }
            let found: (similarity: Double, words: Range<Int>)? = switch method {
            case .editDistance: bestEditDistanceWindow(in: words, toBeat: best?.similarity ?? -1)
            case .tokenSet: bestTokenSetWindow(in: words, toBeat: best?.similarity ?? -1)
            }
            if let found {
                let range = words.words[found.words.lowerBound].original.lowerBound..<words.words[found.words.upperBound - 1].original.upperBound
                best = FuzzyMatch(similarity: found.similarity, text: segment.text.base[range], turn: segment.turn)
                if found.similarity >= 1 { break }
            }
        }
        return best
    }

    /// The similarity of two texts by `method`, after normalizing both.
    public static func similarity(_ first: String, _ second: String, method: FuzzyMethod) -> Double {
        let a = NormalizedWords(first), b = NormalizedWords(second)
        switch method {
        case .editDistance:
            return EditDistance.levenshteinSimilarity(a.scalars, b.scalars)
        case .tokenSet:
            return TokenSetSimilarity.similarity(a.words.indices.map(a.word), b.words.indices.map(b.word))
        }
    }

    /// The sizes of the windows to try in a segment of `count` words.
    func sizes(forSegmentOf count: Int) -> ClosedRange<Int> {
        min(windowSizes.lowerBound, count)...min(windowSizes.upperBound, count)
    }
}
