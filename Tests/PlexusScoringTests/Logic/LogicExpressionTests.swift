import PlexusCore
import PlexusScoring
import Testing

@Suite("Logic expressions")
struct LogicExpressionTests {
    @Test("Literals evaluate to themselves")
    func literals() throws {
        #expect(try LogicFixtures.evaluate("1.5") == 1.5)
        #expect(try LogicFixtures.evaluate("'a\\'b'") == "a'b")
        #expect(try LogicFixtures.evaluate("\"x\"") == "x")
        #expect(try LogicFixtures.evaluate("true") == true)
        #expect(try LogicFixtures.evaluate("null") == .null)
        #expect(try LogicFixtures.evaluate("[1, 'a', []]") == [1, "a", []])
    }

    @Test("Metadata names read nested objects")
    func metadataNames() throws {
        #expect(try LogicFixtures.evaluate("metadata.duration_seconds") == 742)
        #expect(try LogicFixtures.evaluate("metadata.customer.tier") == "gold")
    }

    @Test("A missing metadata key is null")
    func missingMetadata() throws {
        #expect(try LogicFixtures.evaluate("metadata.nope") == .null)
        #expect(try LogicFixtures.evaluate("metadata.channel.deeper") == .null)
    }

    @Test("Score names read the value and the confidence of earlier results")
    func scoreNames() throws {
        #expect(try LogicFixtures.evaluate("scores.resolved") == "No")
        #expect(try LogicFixtures.evaluate("scores.resolved.value") == "No")
        #expect(try LogicFixtures.evaluate("scores.resolved.confidence") == 0.55)
        #expect(try LogicFixtures.evaluate("scores.missing") == .null)
    }

    @Test("Comparison operators on numbers and strings")
    func comparisons() throws {
        #expect(try LogicFixtures.evaluate("metadata.duration_seconds > 600") == true)
        #expect(try LogicFixtures.evaluate("metadata.duration_seconds >= 742") == true)
        #expect(try LogicFixtures.evaluate("metadata.duration_seconds < 742") == false)
        #expect(try LogicFixtures.evaluate("metadata.duration_seconds <= 741") == false)
        #expect(try LogicFixtures.evaluate("'abc' < 'abd'") == true)
        #expect(try LogicFixtures.evaluate("scores.resolved == 'No'") == true)
        #expect(try LogicFixtures.evaluate("scores.resolved != 'No'") == false)
        #expect(try LogicFixtures.evaluate("1 == '1'") == false)
    }

    @Test("Ordering against null is false, not an error")
    func orderingNull() throws {
        #expect(try LogicFixtures.evaluate("metadata.nope > 1") == false)
        #expect(try LogicFixtures.evaluate("metadata.nope <= 1") == false)
    }

    @Test("in and not in look in lists, strings and mappings")
    func membership() throws {
        #expect(try LogicFixtures.evaluate("scores.sentiment in ['Negative', 'Mixed']") == true)
        #expect(try LogicFixtures.evaluate("'vip' in metadata.customer.tags") == true)
        #expect(try LogicFixtures.evaluate("'ph' in metadata.channel") == true)
        #expect(try LogicFixtures.evaluate("'tier' in metadata.customer") == true)
        #expect(try LogicFixtures.evaluate("'x' not in ['x']") == false)
        #expect(try LogicFixtures.evaluate("'x' in metadata.nope") == false)
    }

    @Test("and, or and not, with null counting as false")
    func booleans() throws {
        #expect(try LogicFixtures.evaluate("true and not false") == true)
        #expect(try LogicFixtures.evaluate("false or null") == false)
        #expect(try LogicFixtures.evaluate("not metadata.nope") == true)
    }

    @Test("and and or short-circuit, so the right side is not evaluated")
    func shortCircuit() throws {
        #expect(try LogicFixtures.evaluate("false and 1 / 0 > 1") == false)
        #expect(try LogicFixtures.evaluate("true or 1 / 0 > 1") == true)
    }

    @Test("Arithmetic follows the usual precedence")
    func arithmetic() throws {
        #expect(try LogicFixtures.evaluate("1 + 2 * 3") == 7)
        #expect(try LogicFixtures.evaluate("(1 + 2) * 3") == 9)
        #expect(try LogicFixtures.evaluate("10 - 4 - 3") == 3)
        #expect(try LogicFixtures.evaluate("8 / 4 / 2") == 1)
        #expect(try LogicFixtures.evaluate("-2 * -3") == 6)
        #expect(try LogicFixtures.evaluate("'a' + 'b'") == "ab")
    }

    @Test("and binds tighter than or, and comparisons tighter than both")
    func logicalPrecedence() throws {
        #expect(try LogicFixtures.evaluate("true or false and false") == true)
        #expect(try LogicFixtures.evaluate("not 1 == 2") == true)
        #expect(try LogicFixtures.evaluate("1 + 1 == 2 and 3 > 2") == true)
    }

    @Test("Functions len, contains, lower and upper")
    func functions() throws {
        #expect(try LogicFixtures.evaluate("len(metadata.customer.tags)") == 2)
        #expect(try LogicFixtures.evaluate("len('héllo')") == 5)
        #expect(try LogicFixtures.evaluate("len(metadata.nope)") == 0)
        #expect(try LogicFixtures.evaluate("contains(metadata.customer.tags, 'new')") == true)
        #expect(try LogicFixtures.evaluate("lower('ABC') == 'abc'") == true)
        #expect(try LogicFixtures.evaluate("upper(metadata.channel)") == "PHONE")
    }

    @Test("A type error is thrown with the values and the column")
    func typeError() throws {
        let error = try #require(LogicFixtures.error("metadata.channel > 3"))
        #expect(error.kind == .type)
        #expect(error.column == 18)
        #expect(error.description == "'>' compares two numbers or two strings, got the string 'phone' and the number 3.0 at column 18")
        #expect(LogicFixtures.error("1 and true")?.kind == .type)
        #expect(LogicFixtures.error("metadata.nope + 1")?.kind == .type)
    }

    @Test("Division by zero is a typed error")
    func divisionByZero() {
        #expect(LogicFixtures.error("1 / metadata.zero")?.kind == .divisionByZero)
    }
}
