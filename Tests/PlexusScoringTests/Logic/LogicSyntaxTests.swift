import PlexusScoring
import Testing

@Suite("Logic expression syntax errors")
struct LogicSyntaxTests {
    private func syntaxError(_ source: String) -> ExpressionError? {
        do {
            _ = try LogicExpression(parsing: source)
            return nil
        } catch {
            return error
        }
    }

    @Test("A missing closing parenthesis names the column")
    func missingParenthesis() throws {
        let error = try #require(syntaxError("(metadata.a > 1 and true"))
        #expect(error.kind == .syntax)
        #expect(error.description == "expected ')', found the end of the expression at column 25")
    }

    @Test("An unknown name is refused")
    func unknownName() {
        #expect(syntaxError("duration > 3")?.description == "unknown name 'duration'; names start with 'metadata.' or 'scores.' at column 1")
        #expect(syntaxError("scores.a.b") != nil)
        #expect(syntaxError("scores") != nil)
    }

    @Test("An unknown function or a wrong argument count is refused")
    func functions() {
        #expect(syntaxError("exec('rm')")?.column == 1)
        #expect(syntaxError("len(1, 2)") != nil)
    }

    @Test("Single '=' and chained comparisons are refused with a hint")
    func hints() {
        #expect(syntaxError("metadata.a = 1")?.description.contains("use '=='") == true)
        #expect(syntaxError("1 < 2 < 3")?.description.contains("chained") == true)
    }

    @Test("Unterminated strings and leftover tokens are refused")
    func leftovers() {
        #expect(syntaxError("'abc")?.column == 1)
        #expect(syntaxError("1 2")?.column == 3)
        #expect(syntaxError("")?.description == "expected a value, a name or '(', found the end of the expression at column 1")
    }

    @Test("Deep nesting is refused instead of overflowing the stack")
    func deepNesting() {
        let hostile = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        #expect(syntaxError(hostile)?.description.contains("nests deeper than") == true)
        #expect(syntaxError(String(repeating: "not ", count: 5_000) + "true") != nil)
        #expect(syntaxError(Array(repeating: "1", count: 5_000).joined(separator: " + ")) != nil)
    }

    @Test("Nesting within the limit parses")
    func acceptableNesting() throws {
        let source = String(repeating: "(", count: 50) + "1" + String(repeating: ")", count: 50) + " + 1"
        #expect(syntaxError(source) == nil)
    }

    @Test("Names lists the names read, once each")
    func names() throws {
        let expression = try LogicExpression(parsing: "metadata.a > 1 and scores.b == 'x' or metadata.a < 0")
        #expect(expression.names == ["metadata.a", "scores.b"])
    }
}
