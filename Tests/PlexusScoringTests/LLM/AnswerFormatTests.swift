@testable import PlexusScoring
import Testing

@Suite("LLM answer parsing")
struct AnswerFormatTests {
    @Test("Yes/No is read from the start of a sentence, not from inside words")
    func yesNo() {
        #expect(AnswerFormat.yesNo.parse("No, the agent did not.", classes: [], field: "answer") == "No")
        #expect(AnswerFormat.yesNo.parse("**Yes**", classes: [], field: "answer") == "Yes")
        #expect(AnswerFormat.yesNo.parse("I cannot know that.", classes: [], field: "answer") == nil)
    }

    @Test("A class is read exactly, at the start, or as the only class named")
    func classes() {
        let classes = ["No", "Not applicable", "Yes"]
        #expect(AnswerFormat.class.parse("not applicable", classes: classes, field: "answer") == "Not applicable")
        #expect(AnswerFormat.class.parse("Not applicable here.", classes: classes, field: "answer") == "Not applicable")
        #expect(AnswerFormat.class.parse("The answer is Yes.", classes: classes, field: "answer") == "Yes")
        #expect(AnswerFormat.class.parse("Either yes or no", classes: classes, field: "answer") == nil)
    }

    @Test("A number is the first number in the answer")
    func number() {
        #expect(AnswerFormat.number.parse("About 3 times.", classes: [], field: "answer") == "3")
        #expect(AnswerFormat.number.parse("2.5", classes: [], field: "answer") == "2.5")
        #expect(AnswerFormat.number.parse("none", classes: [], field: "answer") == nil)
    }

    @Test("JSON answers are read from the named field, inside surrounding prose")
    func json() {
        #expect(AnswerFormat.json.parse(#"Sure: {"verdict": "yes"}"#, classes: ["Yes", "No"], field: "verdict") == "Yes")
        #expect(AnswerFormat.json.parse(#"{"answer": 4}"#, classes: [], field: "answer") == "4")
        #expect(AnswerFormat.json.parse(#"{"other": 4}"#, classes: [], field: "answer") == nil)
    }
}
