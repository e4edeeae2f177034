/// Text reduced to lowercase words of letters and digits, kept side by side with where each word
/// sits in the original, so a window of words can be shown as the text that was actually written.
///
/// Everything that is not a letter or a digit separates words, so `Thank-you, CALLING!` becomes
/// `thank you calling`. The words are stored joined by single spaces in ``scalars``, which makes any
/// run of consecutive words one contiguous slice.
public struct NormalizedWords: Sendable {
    /// One word: its slice of ``scalars`` and its range in the original text.
    public struct Word: Sendable, Hashable {
        /// Offset of the word's first scalar in ``NormalizedWords/scalars``.
        public var start: Int
        /// Offset just past the word's last scalar in ``NormalizedWords/scalars``.
        public var end: Int
        /// The word as written in the original text.
        public var original: Range<String.Index>
    }

    /// The normalized words joined by single spaces, as Unicode scalar values.
    public private(set) var scalars: [UInt32] = []
    /// The words in order.
    public private(set) var words: [Word] = []

    /// Normalizes `text`.
    public init(_ text: Substring) {
        scalars.reserveCapacity(text.utf8.count)
        var wordStart: String.Index?
        var wordStartOffset = 0
        let view = text.unicodeScalars
        var index = view.startIndex
        while index < view.endIndex {
            let scalar = view[index]
            if Self.isWordScalar(scalar) {
                if wordStart == nil {
                    if !words.isEmpty { scalars.append(0x20) }
                    wordStart = index
                    wordStartOffset = scalars.count
                }
                Self.appendLowercased(scalar, to: &scalars)
            } else if let start = wordStart {
                words.append(Word(start: wordStartOffset, end: scalars.count, original: start..<index))
                wordStart = nil
            }
            index = view.index(after: index)
        }
        if let start = wordStart {
            words.append(Word(start: wordStartOffset, end: scalars.count, original: start..<view.endIndex))
        }
    }

    /// Normalizes `text`.
    public init(_ text: String) { self.init(text[...]) }

    /// The normalized words joined by single spaces, as a string.
    public var joined: String {
        String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
    }

    /// The normalized scalars of word `index`.
    public func word(_ index: Int) -> ArraySlice<UInt32> { scalars[words[index].start..<words[index].end] }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func appendLowercased(_ scalar: Unicode.Scalar, to scalars: inout [UInt32]) {
        if scalar.isASCII {
            let value = scalar.value
            scalars.append(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)
        } else {
            scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars.map(\.value))
        }
    }
}
