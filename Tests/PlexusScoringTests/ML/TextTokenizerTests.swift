import PlexusScoring
import Testing

/// The tokenizer as seen through a vectorizer whose vocabulary lists the terms of interest.
@Suite("ml: tokenizing like scikit-learn's token pattern")
struct TextTokenizerTests {
    func columns(of text: String, vocabulary: [String], ngrams: ClosedRange<Int> = 1...1) -> [String] {
        let vectorizer = TfidfVectorizer(vocabulary: vocabulary, idf: vocabulary.map { _ in 1 }, ngramRange: ngrams, sublinearTF: false)
        return vectorizer.transform(text).indices.map { vocabulary[$0] }
    }

    @Test("Words are lowercased and one-letter words dropped")
    func lowercaseAndShortWords() {
        #expect(columns(of: "A REFUND, a b Refund!", vocabulary: ["a", "b", "refund"]) == ["refund"])
    }

    @Test("Digits and underscores are word characters; punctuation splits")
    func wordCharacters() {
        #expect(columns(of: "bug_42 x-ray 2024", vocabulary: ["bug_42", "ray", "2024", "x-ray"]) == ["bug_42", "ray", "2024"])
    }

    @Test("Accented and non-Latin words are lowercased and kept whole")
    func unicodeWords() {
        #expect(columns(of: "CAFÉ Überweisung ΑΓΟΡΑ", vocabulary: ["café", "überweisung", "αγορα"]) == ["café", "überweisung", "αγορα"])
    }

    @Test("Bigrams join adjacent tokens with one space, across punctuation")
    func bigrams() {
        #expect(columns(of: "Refund, please!", vocabulary: ["please", "refund please"], ngrams: 1...2) == ["please", "refund please"])
    }
}
