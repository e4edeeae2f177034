import PlexusCore
import PlexusScoring
import Testing

@Suite("Logic classifier")
struct LogicClassifierTests {
    private let triage = LogicFixtures.block([
        ("Escalate", "metadata.duration_seconds > 600 and scores.resolved == 'No'"),
        ("Review", "scores.sentiment in ['Negative'] or scores.resolved.confidence < 0.6"),
    ])

    @Test("The first outcome whose expression is true wins, explained with the values read")
    func firstOutcome() async throws {
        let result = try await LogicFixtures.classify(triage)
        #expect(result.value == "Escalate")
        #expect(result.confidence == 1)
        #expect(result.explanation == "Escalate: outcomes[0] held: metadata.duration_seconds > 600 and scores.resolved == 'No' (metadata.duration_seconds = 742, scores.resolved = 'No')")
        #expect(result.detail?["values"]?["metadata.duration_seconds"] == 742)
    }

    @Test("A later outcome holds when earlier ones do not")
    func laterOutcome() async throws {
        let result = try await LogicFixtures.classify(triage, metadata: ["duration_seconds": 30])
        #expect(result.value == "Review")
    }

    @Test("The default applies when nothing holds")
    func defaultValue() async throws {
        let result = try await LogicFixtures.classify(LogicFixtures.block([("Review", "metadata.nope > 3")]))
        #expect(result.value == "OK")
        #expect(result.explanation == "OK: no outcome held (default).")
    }

    @Test("An expression that is not true or false fails the classification")
    func notBoolean() async {
        await #expect(throws: ExpressionError.self) {
            _ = try await LogicFixtures.classify(LogicFixtures.block([("Review", "metadata.duration_seconds + 1")]))
        }
    }

    @Test("A type error at evaluation names the outcome")
    func evaluationError() async throws {
        do {
            _ = try await LogicFixtures.classify(LogicFixtures.block([("Review", "metadata.channel * 2")]))
            Issue.record("expected a type error")
        } catch let error as ExpressionError {
            #expect(error.message.hasPrefix("outcomes[0].when: '*' needs two numbers"))
        }
    }

    @Test("Validation reports parse errors with the column at the outcome's when")
    func parseErrorPath() {
        let problems = LogicClassifierKind().validate(LogicFixtures.block([("Review", "true"), ("OK", "(scores.a == 1")]), for: LogicFixtures.score())
        #expect(problems.map(\.path) == ["outcomes[1].when"])
        #expect(problems.first?.message.contains("expected ')', found the end of the expression at column 15") == true)
    }

    @Test("Validation reports classes that are not the score's and unknown fields")
    func classesAndFields() {
        var block = LogicFixtures.block([("Maybe", "true")], default: "Never")
        if case .object(var object) = block {
            object["extra"] = true
            block = .object(object)
        }
        let paths = LogicClassifierKind().validate(block, for: LogicFixtures.score()).map(\.path)
        #expect(paths.sorted() == ["default", "extra", "outcomes[0].class"])
    }

    @Test("The standard registry knows the logic type")
    func registered() {
        #expect(ClassifierRegistry.standard.kind("logic") != nil)
    }
}
