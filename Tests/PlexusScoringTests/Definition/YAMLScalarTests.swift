import PlexusCore
import PlexusScoring
import Testing

@Suite("Scorecard parser: YAML 1.2 scalars")
struct YAMLScalarTests {
    /// The classifier block of a one-score scorecard whose block has the extra `settings` lines.
    private func classifierBlock(_ settings: String...) throws -> JSONValue {
        let yaml = scorecardYAML(scores: """
                  - key: s
                    name: S
                    classifier:
                      type: keyword
                      outcomes: []
            \(settings.map { "          " + $0 }.joined(separator: "\n"))
            """)
        return try #require(try testParser().parse(yaml, file: "x.yaml").score("s")).classifier
    }

    @Test("Yes, No, on and off stay strings")
    func yesNoStrings() throws {
        let block = try classifierBlock("a: Yes", "b: No", "c: on", "d: off")
        #expect(block["a"] == .string("Yes"))
        #expect(block["b"] == .string("No"))
        #expect(block["c"] == .string("on"))
        #expect(block["d"] == .string("off"))
    }

    @Test("Classes Yes and No stay strings")
    func yesNoClasses() throws {
        let yaml = scorecardYAML(scores: """
                  - key: s
                    name: S
                    classes: [Yes, No, On, Off]
                    classifier: {type: keyword, outcomes: []}
            """)
        #expect(try testParser().parse(yaml, file: "x.yaml").score("s")?.classes == ["Yes", "No", "On", "Off"])
    }

    @Test("true and false in any case are booleans")
    func booleans() throws {
        let block = try classifierBlock("a: true", "b: FALSE", "c: True")
        #expect(block["a"] == .bool(true))
        #expect(block["b"] == .bool(false))
        #expect(block["c"] == .bool(true))
    }

    @Test("null, ~ and empty are null")
    func nulls() throws {
        let block = try classifierBlock("a: null", "b: ~", "c:")
        #expect(block["a"] == .null)
        #expect(block["b"] == .null)
        #expect(block["c"] == .null)
    }

    @Test("Integers and floats are numbers")
    func numbers() throws {
        let block = try classifierBlock("a: 42", "b: -2.5e3", "c: 0x1F", "d: .5")
        #expect(block["a"] == .number(42))
        #expect(block["b"] == .number(-2500))
        #expect(block["c"] == .number(31))
        #expect(block["d"] == .number(0.5))
    }

    @Test("Quoted and explicitly tagged scalars are always strings")
    func quoted() throws {
        let block = try classifierBlock("a: \"true\"", "b: '42'", "c: !!str null")
        #expect(block["a"] == .string("true"))
        #expect(block["b"] == .string("42"))
        #expect(block["c"] == .string("null"))
    }

    @Test("Version-like and date-like text stays a string")
    func otherText() throws {
        let block = try classifierBlock("a: 1.2.3", "b: 2024-01-31", "c: 12:30")
        #expect(block["a"] == .string("1.2.3"))
        #expect(block["b"] == .string("2024-01-31"))
        #expect(block["c"] == .string("12:30"))
    }
}
