@testable import PlexusScoring
import Testing

@Suite("Fuzzy matcher and text utilities")
struct FuzzyMatcherTests {
    @Test("Normalization lowercases and keeps only letters and digits as words")
    func normalization() {
        let words = NormalizedWords("Thank-you, CALLING  Café #42!")
        #expect(words.joined == "thank you calling café 42")
        #expect(words.words.count == 5)
    }

    @Test("The best window is returned as written in the original text")
    func originalWindow() throws {
        let match = try #require(FuzzyMatcher(phrase: "this call may be recorded", method: .editDistance)
            .bestMatch(in: "Hello! This call, may be RECORDED for quality."))
        #expect(match.text == "This call, may be RECORDED")
        #expect(match.similarity == 1)
    }

    @Test("An imperfect rendition scores below 1 but high")
    func imperfect() throws {
        let match = try #require(FuzzyMatcher(phrase: "this call may be recorded", method: .editDistance)
            .bestMatch(in: "so this call might be recorded ok"))
        #expect(match.text == "this call might be recorded")
        #expect(match.similarity > 0.8 && match.similarity < 1)
    }

    @Test("Windows stay within a speaker's turns and report the turn")
    func scopedTurns() throws {
        let transcript = Transcript("Agent: hello there\nCustomer: thank you for calling\nAgent: thanks for calling us")
        let match = try #require(FuzzyMatcher(phrase: "thank you for calling", method: .tokenSet).bestMatch(in: transcript.segments(scope: "AGENT")))
        #expect(match.turn?.number == 3)
        #expect(match.similarity < 1)
    }

    @Test("A phrase without words and text without words find nothing")
    func nothingToSearch() {
        #expect(FuzzyMatcher(phrase: "!!", method: .tokenSet).bestMatch(in: "anything") == nil)
        #expect(FuzzyMatcher(phrase: "hello", method: .editDistance).bestMatch(in: "...") == nil)
    }

    @Test("Phrases longer than 64 characters use the row-by-row distance and agree with it")
    func longPhrase() throws {
        let phrase = "this call may be recorded for quality and training purposes and for nothing else at all"
        let text = "agent says this call may be recorded for quality and training purpose and for nothing else at all thanks"
        let match = try #require(FuzzyMatcher(phrase: phrase, method: .editDistance).bestMatch(in: text))
        #expect(abs(match.similarity - FuzzyMatcher.similarity(phrase, String(match.text), method: .editDistance)) < 1e-12)
        #expect(match.similarity > 0.98)
    }

    @Test("Speaker lines start turns; other lines continue them")
    func transcriptTurns() {
        let transcript = Transcript("Intro line\nAgent: Hi\n  and more\nCustomer:  ok  \r\nAgent:bye")
        #expect(transcript.turns.map(\.speaker) == [nil, "Agent", "Customer", "Agent"])
        #expect(transcript.turns.map { String($0.utterance) } == ["Intro line", "Hi\n  and more", "ok", "bye"])
        #expect(transcript.turns.map(\.number) == [1, 2, 3, 4])
    }
}
